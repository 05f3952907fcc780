/** Embed colours, so kinds of replies are recognisable at a glance. */
export const COLORS = {
  answer: 0x2b7a78,
  muted: 0x95a5a6,
  correct: 0x2ecc71,
  wrong: 0xe67e22,
  error: 0xe74c3c,
} as const;

/** The name shown in footers. */
export const BOT_NAME = 'Career Advisor';
