export const uiEn = {
  'ui.loading': 'Loading task…',
} as const;
