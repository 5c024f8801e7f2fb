import { describeStreamDispose } from '../../support/stream-dispose-spec';

describeStreamDispose('Chromium');
