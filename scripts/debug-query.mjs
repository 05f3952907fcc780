// Developer aid: shows how a question is analysed and ranked. Usage: node scripts/debug-query.mjs "question"
import { loadConfig } from '../dist/src/config/index.js';
import { CareerAdvisor } from '../dist/src/core/index.js';
const advisor = await CareerAdvisor.open(loadConfig());
const q = process.argv.slice(2).join(' ');
const { answer, retrieval } = await advisor.askWithRetrieval(q);
if (process.env.LIMIT) retrieval.sections = (await advisor.retriever.retrieve(retrieval.query, +process.env.LIMIT)).sections;
console.log(JSON.stringify({ ...retrieval.query, terms: retrieval.query.terms.map((t) => `${t.term}:${t.weight}:${advisor.retriever.catalog.idf(t.term).toFixed(2)}`) }));
for (const s of retrieval.sections) {
  console.log(s.score.toFixed(3), s.entry.section.headingPath.at(-1), JSON.stringify(Object.fromEntries(Object.entries(s.features).map(([k, v]) => [k, +v.toFixed(3)]))));
  for (const u of s.units.slice(0, 2)) console.log('    ', u.score.toFixed(2), u.coverage.toFixed(2), u.hasQuantity, u.dense.toFixed(2), u.unit.text.slice(0, 80));
}
console.log(answer.answer);
