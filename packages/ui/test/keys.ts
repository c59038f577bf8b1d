/**
 * Browser-test helper: presses a key combination such as "Control+Shift+KeyZ" with the runner's
 * real keyboard (`sendKeys({ press })` takes single keys only), `times` times.
 */
import { sendKeys } from '@web/test-runner-commands';

export async function press(combo: string, times = 1): Promise<void> {
  const keys = combo.split('+');
  const key = keys.pop()!;
  for (let i = 0; i < times; i++) {
    for (const modifier of keys) await sendKeys({ down: modifier });
    await sendKeys({ press: key });
    for (const modifier of [...keys].reverse()) await sendKeys({ up: modifier });
  }
}
