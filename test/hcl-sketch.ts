// Renders an HCL syntax tree as indented lines, one node each: its kind, its [start, end) range and, for
// names and values, the source text the range covers. Tests compare whole trees this way, so a wrong
// offset shows as the wrong source text.
import type { HclBody, HclBodyItem, HclExpression, HclTemplatePart } from '../server/src/formats/hcl-ast';

export function sketch(text: string, body: HclBody): string {
  const lines: string[] = [];
  const at = (node: { start: number; end: number }) => `${node.start}-${node.end}`;
  const source = (node: { start: number; end: number }) => JSON.stringify(text.slice(node.start, node.end));
  const line = (depth: number, value: string) => lines.push(`${'  '.repeat(depth)}${value}`);

  const item = (node: HclBodyItem, depth: number): void => {
    if (node.kind === 'error') return void line(depth, `error ${at(node)} ${source(node)}`);
    if (node.kind === 'attribute') {
      line(depth, `attribute ${at(node)} ${node.name.name}${node.equals === undefined ? ' (no =)' : ` =${node.equals}`}`);
      return expression(node.value, depth + 1);
    }
    const labels = node.labels.map((l) => `${l.quoted ? JSON.stringify(l.value) : l.value}@${at(l)}`).join(' ');
    line(depth, `block ${at(node)} ${node.type.name}${labels ? ` ${labels}` : ''} {${node.open ?? '?'} }${node.close ?? '?'}`);
    for (const child of node.body.items) item(child, depth + 1);
  };

  const part = (node: HclTemplatePart, depth: number): void => {
    if (node.kind === 'literal') {
      const runs = node.runs ? ` runs ${pairs(node.runs)}` : '';
      return void line(depth, `literal ${at(node)} ${JSON.stringify(node.value)}${runs}`);
    }
    if (node.kind === 'directive') return void line(depth, `directive ${at(node)} ${node.keyword}${node.closed ? '' : ' (open)'}`);
    line(depth, `interpolation ${at(node)}${node.closed ? '' : ' (open)'}`);
    expression(node.expression, depth + 1);
  };

  const expression = (node: HclExpression, depth: number): void => {
    switch (node.kind) {
      case 'template':
        line(depth, `template ${at(node)}${node.closed ? '' : ' (open)'}`);
        return node.parts.forEach((p) => part(p, depth + 1));
      case 'heredoc':
        line(depth, `heredoc ${at(node)} <<${node.flush ? '-' : ''}${node.marker} body ${node.bodyStart}-${node.bodyEnd}${node.closed ? '' : ' (open)'}`);
        return node.parts.forEach((p) => part(p, depth + 1));
      case 'number':
      case 'bool':
      case 'null':
      case 'variable':
      case 'missing':
      case 'error':
        return void line(depth, `${node.kind} ${at(node)} ${source(node)}`);
      case 'tuple':
        line(depth, `tuple ${at(node)}${node.closed ? '' : ' (open)'} commas ${node.commas.join(',') || '-'}`);
        return node.items.forEach((i) => expression(i, depth + 1));
      case 'object':
        line(depth, `object ${at(node)}${node.closed ? '' : ' (open)'} commas ${node.commas.join(',') || '-'} newlines ${node.newlines.join(',') || '-'}`);
        for (const entry of node.items) {
          line(depth + 1, `item ${at(entry)} ${entry.separator === undefined ? '(no separator)' : `${text[entry.separator]}${entry.separator}`}`);
          expression(entry.key, depth + 2);
          expression(entry.value, depth + 2);
        }
        return;
      case 'call':
        line(depth, `call ${at(node)} ${node.name.name}${node.expandFinal ? ' ...' : ''}${node.closed ? '' : ' (open)'}`);
        return node.args.forEach((a) => expression(a, depth + 1));
      case 'get-attr':
        line(depth, `get-attr ${at(node)} .${node.name.name}`);
        return expression(node.target, depth + 1);
      case 'index':
        line(depth, `index ${at(node)}${node.closed ? '' : ' (open)'}`);
        expression(node.target, depth + 1);
        return expression(node.key, depth + 1);
      case 'splat':
        line(depth, `splat ${at(node)} ${node.full ? '[*]' : '.*'}`);
        return expression(node.target, depth + 1);
      case 'for':
        line(
          depth,
          `for ${at(node)} ${node.object ? '{}' : '[]'} ${[node.keyVariable?.name, node.valueVariable?.name].filter(Boolean).join(',')}${node.grouped ? ' ...' : ''}${node.closed ? '' : ' (open)'}`,
        );
        expression(node.collection, depth + 1);
        if (node.keyResult) expression(node.keyResult, depth + 1);
        expression(node.valueResult, depth + 1);
        if (node.condition) expression(node.condition, depth + 1);
        return;
      case 'conditional':
        line(depth, `conditional ${at(node)}`);
        return [node.condition, node.whenTrue, node.whenFalse].forEach((e) => expression(e, depth + 1));
      case 'binary':
        line(depth, `binary ${at(node)} ${node.operator}`);
        expression(node.left, depth + 1);
        return expression(node.right, depth + 1);
      case 'unary':
        line(depth, `unary ${at(node)} ${node.operator}`);
        return expression(node.operand, depth + 1);
      case 'parens':
        line(depth, `parens ${at(node)}${node.closed ? '' : ' (open)'}`);
        return expression(node.expression, depth + 1);
    }
  };

  for (const node of body.items) item(node, 0);
  return lines.join('\n');
}

function pairs(runs: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < runs.length; i += 2) out.push(`${runs[i]}:${runs[i + 1]}`);
  return out.join(' ');
}
