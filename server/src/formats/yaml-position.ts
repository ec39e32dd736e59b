// YAML positions the tree cannot show: on a line that is blank up to the cursor, indentation decides
// where a new key would go. This looks at the indentation of the lines above (syntax the model owns)
// and names a node position the locator can classify instead.

import type { BlankLineTarget } from '../model/format';

export function blankLineTarget(text: string, offset: number): BlankLineTarget | undefined {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  for (let i = offset; i < text.length && text[i] !== '\n' && text[i] !== '\r'; i++) if (text[i] !== ' ') return undefined;
  // A word typed at the start of the line (`  Eff`) counts too, where it stands under a list dash: the
  // tree reads it at the dash's column, a key of the level above, but it belongs to the item.
  let word = offset;
  while (word > lineStart && isLetter(text.charCodeAt(word - 1))) word--;
  for (let i = lineStart; i < word; i++) if (text[i] !== ' ') return undefined;
  const target = blankTarget(text, lineStart, word - lineStart);
  if (word === offset) return target;
  return target?.column !== undefined ? { ...target, word } : undefined;
}

function blankTarget(text: string, lineStart: number, column: number): BlankLineTarget | undefined {
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

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
