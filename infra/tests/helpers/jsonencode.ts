/**
 * Reads back a value the stack hands to Terraform as `${jsonencode(<object>)}`
 * (CDKTF's Fn.jsonencode), as the JSON Terraform will produce, with each
 * reference kept as a `${...}` string. It understands what CDKTF writes there:
 * quoted keys followed by ` = `, strings, numbers, true/false/null, arrays,
 * objects, and bare references such as `aws_lambda_function.x.function_name`.
 */
export function decodeJsonencode(expression: string): unknown {
  const match = /^\$\{jsonencode\(([\s\S]*)\)\}$/.exec(expression);
  if (!match) throw new Error(`not a jsonencode(...) expression: ${expression.slice(0, 60)}`);
  const hcl = match[1]!;
  let json = '';
  for (let i = 0; i < hcl.length; ) {
    const char = hcl[i]!;
    if (char === '"') {
      const end = endOfString(hcl, i);
      json += hcl.slice(i, end);
      i = end;
    } else if (char === '=') {
      json += ':';
      i++;
    } else if (/[A-Za-z_]/.test(char)) {
      const word = /^[A-Za-z_][\w.-]*/.exec(hcl.slice(i))![0];
      json += ['true', 'false', 'null'].includes(word) ? word : JSON.stringify(`\${${word}}`);
      i += word.length;
    } else {
      json += char;
      i++;
    }
  }
  return JSON.parse(json);
}

/** The index just past the closing quote of the string literal that opens at `start`. */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  throw new Error(`unterminated string at ${start}`);
}
