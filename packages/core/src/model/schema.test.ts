import { expect } from 'chai';
import { Task } from './schema.js';

describe('schema', () => {
  it('names the task union', () => {
    expect(Task.title).to.equal('Task');
  });
});
