export const validationEn = {
  'validation.type': 'Expected {expected}.',
} as const;
