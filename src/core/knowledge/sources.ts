import type { Publisher, SourcePolicy } from "./types";

export type Verdict =
  | { kind: "accepted"; publisher: Publisher }
  | { kind: "rejected"; why: string }
  | { kind: "unlisted"; host: string };

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, "").replace(/\.$/, "");
  } catch {
    return "";
  }
}

/** The host itself and each parent domain, most specific first: "a.b.co.uk" → a.b.co.uk, b.co.uk, co.uk. */
function domains(host: string): string[] {
  const parts = host.split(".");
  return parts.slice(0, -1).map((_, i) => parts.slice(i).join("."));
}

/** Indexes a policy once; `judge(url)` then costs a few map lookups. */
export function sourceJudge(policy: SourcePolicy): (url: string) => Verdict {
  const byHost = new Map<string, Publisher>();
  for (const p of policy.publishers) for (const h of p.hosts) byHost.set(h, p);
  const rejectedHosts = new Set(policy.rejected.hosts);
  const patterns = policy.rejected.patterns.map((p) => ({ re: new RegExp(p.pattern, "i"), why: p.why }));
  return (url) => {
    const host = hostOf(url);
    const chain = domains(host);
    // A rejection wins over a listing: a mirror on a listed parent domain stays rejected.
    for (const d of chain) if (rejectedHosts.has(d)) return { kind: "rejected", why: `${d} is a rejected host` };
    for (const p of patterns) if (p.re.test(url)) return { kind: "rejected", why: p.why };
    for (const d of chain) {
      const publisher = byHost.get(d);
      if (publisher) return { kind: "accepted", publisher };
    }
    return { kind: "unlisted", host };
  };
}
