import { describe, it } from 'vitest';
import { api, contract } from './harness.js';

const APPLICATION_SID = 'AP54fd249e3e668ba36ca41c596cd6a009';
const TEMPLATE_ID = 'c7b4c3c628e17e1dc65b8155e6679ed0';

const applicationState = {
  header: { projectKind: 'voice' as const, startNodeName: 'start', version: '1.14', owner: 'support@acme-tel.example' },
  nodes: [
    {
      name: 'start',
      label: 'Welcome',
      kind: 'voice',
      steps: [{ kind: 'say', name: 'step1', phrase: 'Welcome to Acme support. Please hold while we connect you.' }],
    },
  ],
  lastStepId: 1,
  lastNodeId: 0,
};

// multipart/form-data: the harness client encodes only JSON and form bodies, so the FormData goes in as is.
/** Stands for a WAV file's bytes (the mock does not look inside). */
function wavBytes(): string {
  return 'RIFF....WAVEfmt ....data....';
}

describe('Visual Designer: templates', () => {
  it('listVisualDesignerTemplates', () =>
    contract('listVisualDesignerTemplates', (headers) =>
      api.GET('/visual-designer/services/templates', { params: { query: { page: 0 } }, headers }),
    ));

  it('fetchVisualDesignerTemplate', () =>
    contract('fetchVisualDesignerTemplate', (headers) =>
      api.GET('/visual-designer/services/templates/{templateId}', { params: { path: { templateId: TEMPLATE_ID } }, headers }),
    ));
});

describe('Visual Designer: applications', () => {
  it('createVisualDesignerApplication', () =>
    contract('createVisualDesignerApplication', (headers) =>
      api.POST('/visual-designer/services/projects', { params: { query: { name: 'Support hotline', kind: 'voice' } }, headers }),
    ));

  it('createVisualDesignerApplication from a template', () =>
    contract(
      'createVisualDesignerApplication',
      (headers) => api.POST('/visual-designer/services/projects', { params: { query: { template: TEMPLATE_ID } }, headers }),
      { example: 'fromTemplate' },
    ));

  it('fetchVisualDesignerApplication', () =>
    contract('fetchVisualDesignerApplication', (headers) =>
      api.GET('/visual-designer/services/projects/{applicationSid}', { params: { path: { applicationSid: APPLICATION_SID } }, headers }),
    ));

  it('fetchVisualDesignerApplicationInfo', () =>
    contract('fetchVisualDesignerApplicationInfo', (headers) =>
      api.GET('/visual-designer/services/projects/{applicationSid}/info', { params: { path: { applicationSid: APPLICATION_SID } }, headers }),
    ));

  it('updateVisualDesignerApplication', () =>
    contract('updateVisualDesignerApplication', (headers) =>
      api.POST('/visual-designer/services/projects/{applicationSid}', {
        params: { path: { applicationSid: APPLICATION_SID } },
        body: applicationState,
        headers,
      }),
    ));

  it('renameVisualDesignerApplication', () =>
    contract('renameVisualDesignerApplication', (headers) =>
      api.PUT('/visual-designer/services/projects/{applicationSid}/rename', {
        params: { path: { applicationSid: APPLICATION_SID }, query: { newName: 'Support hotline (EU)' } },
        headers,
      }),
    ));

  it('deleteVisualDesignerApplication', () =>
    contract('deleteVisualDesignerApplication', (headers) =>
      api.DELETE('/visual-designer/services/projects/{applicationSid}', { params: { path: { applicationSid: APPLICATION_SID } }, headers }),
    ));
});

describe('Visual Designer: parameters', () => {
  it('listVisualDesignerParameters', () =>
    contract('listVisualDesignerParameters', (headers) =>
      api.GET('/visual-designer/services/projects/{applicationSid}/parameters', { params: { path: { applicationSid: APPLICATION_SID } }, headers }),
    ));

  it('updateVisualDesignerParameters', () =>
    contract('updateVisualDesignerParameters', (headers) =>
      api.PUT('/visual-designer/services/projects/{applicationSid}/parameters', {
        params: { path: { applicationSid: APPLICATION_SID } },
        body: { parameters: [{ name: 'supportNumber', value: '+14155550199' }] },
        headers,
      }),
    ));
});

describe('Visual Designer: media', () => {
  it('createVisualDesignerMedia', () =>
    contract('createVisualDesignerMedia', (headers) =>
      api.POST('/visual-designer/services/projects/{applicationSid}/wavs', {
        params: { path: { applicationSid: APPLICATION_SID } },
        body: { file: new File([wavBytes()], 'hold-music.wav', { type: 'audio/x-wav' }) },
        headers,
      }),
    ));

  it('listVisualDesignerMedia', () =>
    contract('listVisualDesignerMedia', (headers) =>
      api.GET('/visual-designer/services/projects/{applicationSid}/wavs', { params: { path: { applicationSid: APPLICATION_SID } }, headers }),
    ));

  it('fetchVisualDesignerMedia', () =>
    contract('fetchVisualDesignerMedia', (headers) =>
      api.GET('/visual-designer/services/projects/{applicationSid}/{mediaFolder}/{mediaFile}', {
        params: { path: { applicationSid: APPLICATION_SID, mediaFolder: 'wavs', mediaFile: 'hold-music.wav' } },
        parseAs: 'blob',
        headers,
      }),
    ));

  it('deleteVisualDesignerMedia', () =>
    contract('deleteVisualDesignerMedia', (headers) =>
      api.DELETE('/visual-designer/services/projects/{applicationSid}/wavs', {
        params: { path: { applicationSid: APPLICATION_SID }, query: { filename: 'hold-music.wav' } },
        headers,
      }),
    ));
});

describe('Visual Designer: logs, settings, configuration', () => {
  it('fetchVisualDesignerLog', () =>
    contract('fetchVisualDesignerLog', (headers) =>
      api.GET('/visual-designer/services/apps/{applicationSid}/log', {
        params: { path: { applicationSid: APPLICATION_SID } },
        parseAs: 'text',
        headers,
      }),
    ));

  it('deleteVisualDesignerLog', () =>
    contract('deleteVisualDesignerLog', (headers) =>
      api.DELETE('/visual-designer/services/apps/{applicationSid}/log', { params: { path: { applicationSid: APPLICATION_SID } }, headers }),
    ));

  it('fetchVisualDesignerSettings', () =>
    contract('fetchVisualDesignerSettings', (headers) =>
      api.GET('/visual-designer/services/projects/{applicationSid}/settings', { params: { path: { applicationSid: APPLICATION_SID } }, headers }),
    ));

  it('updateVisualDesignerSettings', () =>
    contract('updateVisualDesignerSettings', (headers) =>
      api.POST('/visual-designer/services/projects/{applicationSid}/settings', {
        params: { path: { applicationSid: APPLICATION_SID } },
        body: { logging: true, loggingRCML: true },
        headers,
      }),
    ));

  it('fetchVisualDesignerConfiguration', () =>
    contract('fetchVisualDesignerConfiguration', (headers) => api.GET('/visual-designer/services/config', { headers })));
});
