// Renders one policy object as JSON and as block-style YAML, so a rule case is written once and run
// in both formats (hand-written YAML fixtures cover the reader's styles elsewhere).

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function toYaml(value: unknown): string {
  const out: string[] = [];
  writeYaml(value, '', out);
  return out.join('');
}

function scalar(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  const plain =
    /^[A-Za-z_/][A-Za-z0-9_:./${}@+=,'-]*$/.test(text) && !/^(true|false|null|yes|no|on|off)$/i.test(text) && !text.endsWith(':') && !text.includes(': ');
  return plain ? text : JSON.stringify(text);
}

function writeYaml(value: unknown, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    if (value.length === 0) return void out.push(' []\n');
    out.push('\n');
    for (const item of value) {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const entries = Object.entries(item);
        if (entries.length === 0) {
          out.push(`${indent}- {}\n`);
          continue;
        }
        entries.forEach(([k, v], i) => {
          out.push(i === 0 ? `${indent}- ${scalar(k)}:` : `${indent}  ${scalar(k)}:`);
          writeValue(v, `${indent}    `, out);
        });
      } else out.push(`${indent}- ${scalar(item)}\n`);
    }
    return;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out.push(`${indent}${scalar(k)}:`);
    writeValue(v, `${indent}  `, out);
  }
}

function writeValue(value: unknown, indent: string, out: string[]): void {
  if (Array.isArray(value)) writeYaml(value, indent, out);
  else if (value && typeof value === 'object') {
    if (Object.keys(value).length === 0) return void out.push(' {}\n');
    out.push('\n');
    writeYaml(value, indent, out);
  } else out.push(` ${scalar(value)}\n`);
}
