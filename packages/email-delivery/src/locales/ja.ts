import type { LocalePhrases } from './locale-phrases';

export const ja: LocalePhrases = {
  subject: (app) => (app ? `${app} のログインコード` : 'ログインコード'),
  heading: (app) => (app ? `${app} にログイン` : 'ログインコード'),
  intro: '次のコードを入力してログインしてください。',
  validFor: (minutes) => `このコードの有効期限は${minutes}分です。`,
  doNotShare: 'このコードは誰にも教えないでください。当社からコードをお尋ねすることはありません。',
  notYou: 'ログインした覚えがない場合は、このメールを破棄してください。',
};
