import { useState } from "preact/hooks";
import { knowledge } from "../knowledge/index";
import { searchEntities } from "../core/knowledge/search";
import { t } from "../shared/i18n";

/** Search the whole knowledge base, not just this page. */
export function SearchView({ onOpen }: { onOpen(entityId: string): void }) {
  const [query, setQuery] = useState("");
  const results = searchEntities(knowledge, query);
  return (
    <div class="search">
      <label for="search-input" class="sr-only">{t("searchLabel")}</label>
      <input id="search-input" type="search" value={query} placeholder={t("searchPlaceholder")} autoFocus onInput={(e) => setQuery(e.currentTarget.value)} />
      {query.trim() && results.length === 0 && <p class="muted">{t("searchNone")}</p>}
      <ul>
        {results.map((e) => (
          <li key={e.id} data-result={e.id}>
            <button type="button" class="row" onClick={() => onOpen(e.id)}>
              <span class="name">{e.name}</span>
              <span class="muted">{e.summary}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
