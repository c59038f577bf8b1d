/** Sample text tasks shared by the text-rater's tests and stories. Each passes parseTask. */
import type { TextTask } from '@tagwerk/core';

const answerA = `Photosynthesis turns light into chemical energy.

1. **Light reactions** in the thylakoid membranes split water and make ATP and NADPH.
2. The **Calvin cycle** in the stroma fixes CO₂ into sugar.

| stage | where | output |
|---|---|---|
| light reactions | thylakoids | ATP, NADPH, O₂ |
| Calvin cycle | stroma | G3P |

\`\`\`text
6 CO2 + 6 H2O + light → C6H12O6 + 6 O2
\`\`\`

See [Wikipedia](https://en.wikipedia.org/wiki/Photosynthesis).`;

const answerB = `Plants eat sunlight. According to Smith et al. (2031), chlorophyll is made of copper.`;

export const rubricTask: TextTask = {
  id: 'tr-rubric-1',
  kind: 'text',
  title: 'Rate the assistant’s answer',
  instructions:
    'Read the prompt and the answer, then rate it on each criterion.\n\n- **Helpfulness**: does it answer the question?\n- **Correctness**: are the facts right?',
  record: {
    prompt: 'Explain photosynthesis to a high-school student.',
    responses: [{ id: 'r1', text: answerA, format: 'markdown' }],
  },
  questions: [
    {
      id: 'helpfulness',
      type: 'rating',
      label: 'Helpfulness',
      required: true,
      target: 'r1',
      scale: { min: 1, max: 5, labels: { '1': 'useless', '5': 'excellent' } },
    },
    {
      id: 'correctness',
      type: 'rating',
      label: 'Correctness',
      required: true,
      target: 'r1',
      scale: { min: 1, max: 5, labels: { '1': 'wrong', '5': 'fully correct' } },
    },
    {
      id: 'harmless',
      type: 'rating',
      label: 'Harmlessness',
      required: true,
      display: 'stars',
      scale: { min: 1, max: 5 },
    },
    {
      id: 'why',
      type: 'text',
      label: 'What is wrong with it?',
      minLength: 10,
      maxLength: 500,
      requiredWhen: { question: 'correctness', lte: 2 },
    },
  ],
};

export const pairwiseTask: TextTask = {
  id: 'tr-pairwise-1',
  kind: 'text',
  title: 'Which answer is better?',
  record: {
    prompt: 'Explain photosynthesis in one paragraph.',
    responses: [
      { id: 'left', text: answerA, format: 'markdown' },
      { id: 'right', text: answerB, format: 'markdown' },
    ],
  },
  questions: [
    {
      id: 'preference',
      type: 'pairwise',
      label: 'Which response is better?',
      required: true,
      pair: ['left', 'right'],
      allowTie: true,
      strength: true,
      randomize: true,
    },
    {
      id: 'reason',
      type: 'text',
      label: 'Why? (required for a tie)',
      requiredWhen: { question: 'preference', oneOf: ['tie', 'both-good', 'both-bad'] },
    },
  ],
};

export const rankingTask: TextTask = {
  id: 'tr-ranking-1',
  kind: 'text',
  title: 'Rank the answers',
  record: {
    prompt: 'What is the capital of Australia?',
    responses: [
      { id: 'a1', label: 'Answer 1', text: 'Sydney.', format: 'plain' },
      { id: 'a2', label: 'Answer 2', text: 'Canberra, since 1913.', format: 'plain' },
      { id: 'a3', label: 'Answer 3', text: 'Canberra.', format: 'plain' },
    ],
  },
  questions: [
    { id: 'order', type: 'ranking', label: 'Best answer first', required: true, items: 'responses', allowTies: true },
  ],
};

export const relevanceTask: TextTask = {
  id: 'tr-relevance-1',
  kind: 'text',
  title: 'Judge the search results',
  record: {
    query: 'how to repot an orchid',
    results: [
      {
        id: 'res-1',
        title: 'Repotting orchids: a step-by-step guide',
        url: 'https://example.org/orchids/repot',
        snippet: 'When the roots outgrow the pot, choose bark medium…',
      },
      { id: 'res-2', title: 'Orchid (film, 2014)', url: 'https://example.org/film', snippet: 'A drama about…' },
      { id: 'res-3', title: 'Potting soil for houseplants', snippet: 'Most houseplants need…' },
    ],
  },
  questions: [
    {
      id: 'grades',
      type: 'relevance',
      label: 'How relevant is each result?',
      required: true,
      scale: { min: 0, max: 3, labels: { '0': 'irrelevant', '1': 'marginal', '2': 'relevant', '3': 'perfect' } },
    },
  ],
};

export const sentimentTask: TextTask = {
  id: 'tr-sentiment-1',
  kind: 'text',
  title: 'Sentiment and emotions',
  record: { text: 'The delivery was late again, but the support agent was lovely and fixed it in minutes. 🙂' },
  questions: [
    {
      id: 'sentiment',
      type: 'choice',
      label: 'Overall sentiment',
      required: true,
      options: [
        { id: 'negative', label: 'Negative' },
        { id: 'neutral', label: 'Neutral' },
        { id: 'positive', label: 'Positive' },
        { id: 'mixed', label: 'Mixed' },
      ],
    },
    {
      id: 'emotions',
      type: 'choice',
      label: 'Emotions expressed',
      multiple: true,
      allowNone: true,
      options: [
        { id: 'anger', label: 'Anger' },
        { id: 'joy', label: 'Joy' },
        { id: 'surprise', label: 'Surprise' },
        { id: 'gratitude', label: 'Gratitude' },
      ],
    },
  ],
};

export const nerText = 'Ada 👩‍💻 met José in Zürich 🇨🇭 on Monday.';

export const nerTask: TextTask = {
  id: 'tr-ner-1',
  kind: 'text',
  title: 'Mark the named entities',
  record: { text: nerText },
  questions: [
    {
      id: 'entities',
      type: 'spans',
      label: 'Entities',
      required: true,
      field: 'text',
      labels: [
        { id: 'PERSON', name: 'Person', color: '#1f57c3', hotkey: 'p' },
        { id: 'PLACE', name: 'Place', color: '#1e6b34', hotkey: 'l' },
        { id: 'DATE', name: 'Date', color: '#8a4b00', hotkey: 'd' },
      ],
    },
  ],
};

export const rtlTask: TextTask = {
  id: 'tr-rtl-1',
  kind: 'text',
  title: 'تقييم الإجابة',
  record: {
    prompt: 'ما هي عاصمة فرنسا؟',
    responses: [{ id: 'r1', text: 'عاصمة فرنسا هي **باريس**.', format: 'markdown' }],
  },
  questions: [
    {
      id: 'quality',
      type: 'rating',
      label: 'الجودة',
      required: true,
      scale: { min: 1, max: 5, labels: { '1': 'سيئة', '5': 'ممتازة' } },
    },
    { id: 'why', type: 'text', label: 'لماذا؟' },
  ],
};

export function conversationTask(turns = 200): TextTask {
  return {
    id: `tr-conversation-${turns}`,
    kind: 'text',
    title: 'Rate the final assistant turn',
    record: {
      conversation: Array.from({ length: turns }, (_, i) => ({
        role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
        text:
          i % 2 === 0
            ? `Question ${i / 2 + 1}: what about *case ${i}*?`
            : `Answer ${i}: here is a list:\n\n- one\n- two\n\n\`code ${i}\``,
      })),
    },
    questions: [
      { id: 'quality', type: 'rating', label: 'Quality of the last answer', required: true, scale: { min: 1, max: 7 } },
    ],
  };
}
