import { describeStreamDispose } from '../../support/stream-dispose-spec';

describeStreamDispose('node');
