// YAML positions the tree cannot show: on a line that is blank up to the cursor, indentation decides
// where a new key would go. This looks at the indentation of the lines above (syntax the model owns)
// and names a node position the locator can classify instead.

import type { BlankLineTarget } from '../model/format';

export function blankLineTarget(text: string, offset: number): BlankLineTarget | undefined {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  for (let i = lineStart; i < offset; i++) if (text[i] !== ' ') return undefined;
  for (let i = offset; i < text.length && text[i] !== '\n' && text[i] !== '\r'; i++) if (text[i] !== ' ') return undefined;
  const column = offset - lineStart;
  let end = lineStart - 1;
  while (end > 0) {
    let start = end;
    while (start > 0 && text[start - 1] !== '\n') start--;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    const indent = line.length - line.trimStart().length;
    const content = line.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    // `- key: v` starts a mapping whose keys sit after the dash.
    let keyColumn = indent;
    let rest = content;
    while (rest.startsWith('- ')) {
      const after = rest.slice(2);
      keyColumn += 2 + (after.length - after.trimStart().length);
      rest = after.trimStart();
    }
    if (keyColumn === column) return { offset: start + keyColumn, relation: 'sibling' };
    // Under the dash of `- Effect: Allow`: a key written here belongs at the item's key column.
    if (indent === column && content.startsWith('-')) return { offset: start + keyColumn, relation: 'sibling', column: keyColumn };
    if (indent < column) {
      // The cursor opens the value of this line's last key: point at the end of the line (its empty value).
      return { offset: start + line.length, relation: 'child' };
    }
  }
  return undefined;
}
