/** A text task whose questions render both shared fields (ranking and spans). */
import type { TextTask } from '@tagwerk/core';

export function fieldsTask(id: string): TextTask {
  return {
    id,
    kind: 'text',
    record: {
      text: 'Ada met Grace.',
      responses: [
        { id: 'r1', text: 'One', format: 'plain' },
        { id: 'r2', text: 'Two', format: 'plain' },
      ],
    },
    questions: [
      { id: 'order', type: 'ranking', label: 'Order', items: 'responses' },
      { id: 'who', type: 'spans', label: 'People', field: 'text', labels: [{ id: 'PER', name: 'Person' }] },
    ],
  };
}
