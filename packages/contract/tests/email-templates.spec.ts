import { EMAIL_TEMPLATE_MAX_BYTES, emailTemplateProblems } from '../src';

describe('emailTemplateProblems', () => {
  it('accepts a body with the code and the minutes, and a subject with the app name', () => {
    expect(emailTemplateProblems('text', 'Code {{code}}, valid {{minutes}} min, for {{appName}}.')).toEqual([]);
    expect(emailTemplateProblems('html', '<p>{{code}}</p><p>{{minutes}}</p>')).toEqual([]);
    expect(emailTemplateProblems('subject', 'Your {{appName}} code')).toEqual([]);
  });

  it('names each missing placeholder of a body', () => {
    expect(emailTemplateProblems('text', 'Your code is {{code}}')).toEqual(['misses {{minutes}}']);
    expect(emailTemplateProblems('html', '<p>valid {{minutes}} min</p>')).toEqual(['misses {{code}}']);
  });

  it('refuses an unknown placeholder, naming it and the allowed ones', () => {
    expect(emailTemplateProblems('text', '{{code}} {{minutes}} {{email}}')).toEqual([
      'has an unknown placeholder {{email}}: allowed are {{code}}, {{minutes}}, {{appName}}',
    ]);
    expect(emailTemplateProblems('text', '{{ code }} {{code}} {{minutes}}')[0]).toMatch(/unknown placeholder \{\{ code \}\}/);
  });

  it('refuses a {{ that opens no placeholder, and lets CSS close nested rules with }}', () => {
    expect(emailTemplateProblems('text', '{{code}} {{minutes}} {{code')).toContain('has a {{ that does not open a placeholder');
    expect(emailTemplateProblems('text', '{{code}} {{minutes}} {{{code}}}')).toContain('has a {{ that does not open a placeholder');
    expect(emailTemplateProblems('html', '<style>@media (max-width:480px){p{margin:0}}</style>{{code}} {{minutes}}')).toEqual([]);
  });

  it('keeps the code out of the subject, which SES events and notifications show', () => {
    expect(emailTemplateProblems('subject', 'Your code: {{code}}')).toEqual(['must not hold {{code}}']);
  });

  it('refuses a subject on two lines, an empty part and a part over its size limit', () => {
    expect(emailTemplateProblems('subject', 'Your code\r\nBcc: eve@example.com')).toEqual(['must be one line']);
    expect(emailTemplateProblems('subject', ' ')).toEqual(['is empty']);
    const html = `<p>{{code}} {{minutes}}</p>${'é'.repeat(EMAIL_TEMPLATE_MAX_BYTES.html / 2)}`;
    expect(emailTemplateProblems('html', html)).toEqual([`is ${new TextEncoder().encode(html).length} bytes: at most 16000`]);
  });
});
