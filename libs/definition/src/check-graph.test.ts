import { definition, edge, node } from './testing/definition-builders.js';
import { testRules } from './testing/rule-cases.js';

const review = node.task('review');
const done = (on = 'completed') => edge('review', 'end', { on });

testRules([
  {
    when: 'there is no start node',
    code: 'missing-start',
    trigger: () => definition([review, node.end()], [done()]),
    pass: () => definition([node.start(), review, node.end()], [edge('start', 'review'), done()]),
  },
  {
    when: 'there are two start nodes',
    code: 'multiple-starts',
    nodeId: 'start2',
    trigger: () =>
      definition(
        [node.start(), node.start('start2'), review, node.end()],
        [edge('start', 'review'), edge('start2', 'review'), done()],
      ),
    pass: () => definition([node.start(), review, node.end()], [edge('start', 'review'), done()]),
  },
  {
    when: 'there is no end node',
    code: 'missing-end',
    trigger: () =>
      definition(
        [node.start(), node.task('review', { outcomes: ['again'] })],
        [edge('start', 'review'), edge('review', 'review', { on: 'again' })],
      ),
    pass: () => definition([node.start(), review, node.end()], [edge('start', 'review'), done()]),
  },
  {
    when: 'an edge leads to a deleted node',
    code: 'dangling-edge',
    edgeId: 'lost',
    trigger: () =>
      definition(
        [node.start(), review, node.end()],
        [edge('start', 'review'), done(), edge('review', 'gone', { id: 'lost', on: 'completed' })],
      ),
    pass: () => definition([node.start(), review, node.end()], [edge('start', 'review'), done()]),
  },
  {
    when: 'a node is not connected from start',
    code: 'unreachable-node',
    nodeId: 'island',
    trigger: () =>
      definition(
        [node.start(), review, node.task('island'), node.end()],
        [edge('start', 'review'), done(), edge('island', 'end', { on: 'completed' })],
      ),
    pass: () => definition([node.start(), review, node.end()], [edge('start', 'review'), done()]),
  },
  {
    when: 'a task has no outgoing edge',
    code: 'no-way-out',
    nodeId: 'review',
    trigger: () => definition([node.start(), review, node.end()], [edge('start', 'review')]),
    pass: () => definition([node.start(), review, node.end()], [edge('start', 'review'), done()]),
  },
  {
    when: 'a task can only loop on itself',
    code: 'cannot-reach-end',
    nodeId: 'stuck',
    trigger: () =>
      definition(
        [node.start(), node.task('stuck', { outcomes: ['again', 'finish'] }), node.end()],
        [
          edge('start', 'stuck'),
          edge('stuck', 'stuck', { on: 'again' }),
          edge('stuck', 'stuck', { on: 'finish' }),
        ],
      ),
    pass: () =>
      definition(
        [node.start(), node.task('stuck', { outcomes: ['again', 'finish'] }), node.end()],
        [
          edge('start', 'stuck'),
          edge('stuck', 'stuck', { on: 'again' }),
          edge('stuck', 'end', { on: 'finish' }),
        ],
      ),
  },
  {
    when: 'an edge goes back into start',
    code: 'edge-into-start',
    trigger: () =>
      definition(
        [node.start(), node.task('review', { outcomes: ['again', 'ok'] }), node.end()],
        [
          edge('start', 'review'),
          edge('review', 'start', { on: 'again' }),
          edge('review', 'end', { on: 'ok' }),
        ],
      ),
    pass: () =>
      definition(
        [node.start(), node.task('review', { outcomes: ['again', 'ok'] }), node.end()],
        [
          edge('start', 'review'),
          edge('review', 'review', { on: 'again' }),
          edge('review', 'end', { on: 'ok' }),
        ],
      ),
  },
  {
    when: 'an edge leaves an end node',
    code: 'edge-from-end',
    trigger: () =>
      definition(
        [node.start(), review, node.end(), node.end('end2')],
        [edge('start', 'review'), done(), edge('end', 'end2')],
      ),
    pass: () => definition([node.start(), review, node.end()], [edge('start', 'review'), done()]),
  },
]);
