import fs from 'node:fs';
import { renderDiagrams, closeDiagramBrowser } from '@/lib/diagrams/mermaid-renderer';
const t = Date.now();
const r = await renderDiagrams([
  'flowchart LR\n  accTitle: Build\n  accDescr: How a page ships\n  A[Write a page] --> B{Valid?}\n  B -->|yes| C[Ship]\n  B -->|no| A',
  'sequenceDiagram\n A->>B: hi',
  'flowchart LR\n A --> --> B',
  'pie title Pets\n "Dogs" : 3\n "Cats" : oops',
  'nonsense here',
  'classDiagram\n class A\n A <|-- B',
], '/tmp/mm/cache.json');
console.log(Date.now() - t);
for (const x of r) console.log(x.ok ? [x.diagram.diagramType, x.diagram.svg.light.length, x.diagram.svg.dark.length] : x.error);
if (r[0]?.ok) { fs.writeFileSync('/tmp/mm/l.svg', r[0].diagram.svg.light); fs.writeFileSync('/tmp/mm/d.svg', r[0].diagram.svg.dark); }
await closeDiagramBrowser();
