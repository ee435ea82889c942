import { describe, expect, it } from 'vitest';
import { reopenCommand } from '../../../src/cli/reopen-command.js';

const node = '/opt/node 24/bin/node';

describe('reopenCommand', () => {
  it('is `npm start` from the repository when the tutor was started that way', () => {
    expect(
      reopenCommand('/home/ada/repo/logreg-lab', {
        node,
        script: '/home/ada/repo/bin/logreg-tutor.js',
        env: { npm_lifecycle_event: 'start', npm_package_json: '/home/ada/repo/package.json' },
      }),
    ).toBe('cd /home/ada/repo && npm start -- -w /home/ada/repo/logreg-lab');
  });

  it('is the command alone when it is installed on PATH', () => {
    expect(
      reopenCommand('/home/ada/my lab', {
        node,
        script: '/usr/local/bin/logreg-tutor',
        env: { PATH: '/usr/bin:/usr/local/bin' },
      }),
    ).toBe("logreg-tutor -w '/home/ada/my lab'");
  });

  it('is this Node and this script otherwise, quoted for the shell', () => {
    expect(
      reopenCommand('/home/ada/lab', {
        node,
        script: "/home/ada/ada's repo/bin/logreg-tutor.js",
        env: { PATH: '/usr/bin', npm_lifecycle_event: 'test' },
      }),
    ).toBe(
      "'/opt/node 24/bin/node' '/home/ada/ada'\\''s repo/bin/logreg-tutor.js' -w /home/ada/lab",
    );
  });
});
