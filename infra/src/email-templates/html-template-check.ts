import { Tokenizer, TokenizerMode } from 'parse5';

interface Located {
  readonly location: { readonly startLine: number; readonly startCol: number } | null;
}

/** Elements with no end tag (HTML's void elements). */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose content the tokenizer must read as text, as a browser's parser does. */
const TEXT_ELEMENTS: Readonly<Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]>> = {
  title: TokenizerMode.RCDATA,
  textarea: TokenizerMode.RCDATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  script: TokenizerMode.SCRIPT_DATA,
};
/** Active content, forms, frames and external resources: refused in an email. */
const FORBIDDEN_ELEMENTS = new Set(['script', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'link', 'base', 'audio', 'video']);
/** Attributes that make a client fetch something. */
const RESOURCE_ATTRIBUTES = new Set(['src', 'srcset', 'background', 'poster', 'data', 'lowsrc', 'dynsrc']);
const REMOTE = /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const SAFE_RESOURCE = /^\s*(?:data|cid):/i;
/** CSS that can fetch something; backslashes are refused too, since CSS escapes can spell url( another way. */
const CSS_FETCH = /url\(|image-set|@import|\\/i;
const CSS_PROBLEM = 'url(), image-set(), @import and backslash escapes are not allowed';

/** What is wrong with the attributes of one start tag at `where`. */
function attributeProblems(name: string, attrs: readonly { name: string; value: string }[], where: string): string[] {
  const problems: string[] = [];
  for (const { name: attr, value } of attrs) {
    if (attr.startsWith('on')) problems.push(`${where} <${name} ${attr}>: event handlers are not allowed`);
    if (value.includes('{{')) problems.push(`${where} <${name} ${attr}>: placeholders go in text, not in attributes`);
    if (RESOURCE_ATTRIBUTES.has(attr) && REMOTE.test(value) && !SAFE_RESOURCE.test(value)) {
      problems.push(`${where} <${name} ${attr}>: remote resources (images, media) are not allowed`);
    }
    if (/^\s*javascript:/i.test(value)) problems.push(`${where} <${name} ${attr}>: javascript: URLs are not allowed`);
    if (attr === 'style' && CSS_FETCH.test(value)) problems.push(`${where} <${name} style>: ${CSS_PROBLEM}`);
  }
  return problems;
}

/** Closes the innermost open `tagName` (removing it and what it encloses from `open`); the problems of doing so. */
function closeElement(open: { name: string; at: string }[], tagName: string, where: string): string[] {
  const index = open.map((element) => element.name).lastIndexOf(tagName);
  if (index === -1) return [`${where} </${tagName}> closes nothing`];
  return open.splice(index).slice(1).map((element) => `${element.at} <${element.name}> is not closed before </${tagName}> at ${where}`);
}

/**
 * What keeps an HTML email template from being well formed, accessible and
 * safe to send, each as "line:column what": parse5's tokenizer errors (the
 * HTML standard's), every element but the void ones closed explicitly and in
 * order, `<!DOCTYPE html>`, `lang` on `<html>`, a non-empty `<title>`; no
 * scripts, frames, forms, event handlers, remote resources or external CSS;
 * placeholders only in text, where escaping makes values safe (an attribute
 * such as a URL would not be).
 */
export function htmlTemplateProblems(html: string): string[] {
  const problems: string[] = [];
  const open: { name: string; at: string }[] = [];
  const at = (token: Located) => (token.location ? `${token.location.startLine}:${token.location.startCol}` : '?');
  let sawDoctype = false;
  let sawContent = false;
  let lang: string | undefined;
  let title: string | undefined;

  const text = (token: Located & { chars: string }) => {
    if (open.at(-1)?.name === 'title') title = (title ?? '') + token.chars;
    if (token.chars.trim() !== '') sawContent = true;
  };
  const tokenizer: Tokenizer = new Tokenizer(
    { sourceCodeLocationInfo: true },
    {
      onParseError: (error) => problems.push(`${error.startLine}:${error.startCol} ${error.code}`),
      onDoctype: (token) => {
        if (sawContent || token.name !== 'html') problems.push(`${at(token)} the doctype must come first and be <!DOCTYPE html>`);
        sawDoctype = true;
      },
      onStartTag: (token) => {
        const name = token.tagName;
        sawContent = true;
        if (FORBIDDEN_ELEMENTS.has(name)) problems.push(`${at(token)} <${name}> is not allowed in an email`);
        if (name === 'html') lang = token.attrs.find((a) => a.name === 'lang')?.value.trim();
        if (name === 'title') title = '';
        problems.push(...attributeProblems(name, token.attrs, at(token)));
        if (VOID_ELEMENTS.has(name)) return;
        if (token.selfClosing) problems.push(`${at(token)} <${name}/> is not a void element: close it with </${name}>`);
        else open.push({ name, at: at(token) });
        const mode = TEXT_ELEMENTS[name];
        if (mode !== undefined) tokenizer.state = mode;
      },
      onEndTag: (token) => problems.push(...closeElement(open, token.tagName, at(token))),
      onCharacter: (token) => {
        text(token);
        if (open.at(-1)?.name === 'style' && CSS_FETCH.test(token.chars)) problems.push(`${at(token)} <style>: ${CSS_PROBLEM}`);
      },
      onWhitespaceCharacter: text,
      onNullCharacter: (token) => problems.push(`${at(token)} NUL character`),
      onComment: () => undefined,
      onEof: () => undefined,
    },
  );
  tokenizer.write(html, true);

  for (const element of open.reverse()) problems.push(`${element.at} <${element.name}> is never closed`);
  if (!sawDoctype) problems.push('must start with <!DOCTYPE html>');
  if (!lang) problems.push('<html> needs a lang attribute (the language screen readers speak)');
  if (title === undefined || title.trim() === '') problems.push('needs a non-empty <title>');
  return problems;
}
