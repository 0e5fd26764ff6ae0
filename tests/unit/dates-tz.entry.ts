// Run by dates.test.ts in a child process under a given TZ: prints what the date parser reads, and the zone's offset.
import { parseDateValue } from "../../src/core/article/dates";
import { WRITTEN } from "./dates-written";

console.log(JSON.stringify({ tz: process.env["TZ"], offset: new Date(2021, 9, 18).getTimezoneOffset(), days: WRITTEN.map(([text]) => parseDateValue(text)) }));
