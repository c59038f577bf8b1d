import { expect } from 'chai';
import { readFileSync } from 'node:fs';

const WIDGETS = ['text-rater', 'image-labeler', 'audio-transcriber'];

describe('widget versions', () => {
  for (const widget of WIDGETS) {
    it(`@tagwerk/${widget}: meta.widget names the published package and version`, async () => {
      const pkg = JSON.parse(readFileSync(new URL(`../../${widget}/package.json`, import.meta.url), 'utf8')) as {
        name: string;
        version: string;
      };
      const { VERSION, WIDGET_ID } = (await import(`../../${widget}/src/version.ts`)) as {
        VERSION: string;
        WIDGET_ID: string;
      };
      expect(VERSION).to.equal(pkg.version);
      expect(WIDGET_ID).to.equal(`${pkg.name}@${pkg.version}`);
    });
  }
});
