import { useEffect, useState } from "preact/hooks";
import type { FoundEntity, PageSummary } from "../shared/messages";
import type { Briefing } from "../core/knowledge/briefing";
import { BriefingBody } from "../shared/ui/BriefingBody";
import { send } from "../shared/runtime";

type Load = { state: "loading" } | { state: "ready"; summary: PageSummary | null };

export function App({ tabId }: { tabId: number | null }) {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  useEffect(() => {
    if (tabId === null) {
      setLoad({ state: "ready", summary: null });
      return;
    }
    send({ type: "get-summary", tabId }).then(
      (summary) => setLoad({ state: "ready", summary }),
      () => setLoad({ state: "ready", summary: null }),
    );
  }, [tabId]);

  if (load.state === "loading") return <p class="muted">Reading this tab…</p>;
  const { summary } = load;
  if (!summary || !summary.isArticle) return <p class="muted" data-state="no-article">No article found on this page.</p>;
  const people = summary.entities.filter((e) => e.type === "person");
  const organizations = summary.entities.filter((e) => e.type === "organization");
  return (
    <>
      <h1>{summary.title ?? "Untitled article"}</h1>
      {summary.published && <p class="date">Published {summary.published}</p>}
      <EntityList title="People" entities={people} date={summary.published} />
      <EntityList title="Organizations" entities={organizations} date={summary.published} />
      {summary.entities.length === 0 && <p class="muted">No known names in this article.</p>}
    </>
  );
}

function EntityList({ title, entities, date }: { title: string; entities: FoundEntity[]; date: string | null }) {
  const [open, setOpen] = useState<string | null>(null);
  if (entities.length === 0) return null;
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {entities.map((e) => (
          <li key={e.id} data-entity={e.id}>
            <button class="row" aria-expanded={open === e.id} onClick={() => setOpen(open === e.id ? null : e.id)}>
              <span class="name">{e.name}</span>
              <span class="count" aria-label={`${e.count} mentions`}>{e.count}</span>
            </button>
            {open === e.id && <Detail entityId={e.id} date={date} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Detail({ entityId, date }: { entityId: string; date: string | null }) {
  const [briefing, setBriefing] = useState<Briefing | null | undefined>(undefined);
  useEffect(() => {
    send({ type: "get-briefing", entityId, date }).then(setBriefing, () => setBriefing(null));
  }, [entityId, date]);
  if (briefing === undefined) return <div class="detail muted">Loading…</div>;
  if (briefing === null) return <div class="detail muted">No briefing on file.</div>;
  return (
    <div class="detail" data-briefing={briefing.id}>
      <BriefingBody briefing={briefing} />
    </div>
  );
}
