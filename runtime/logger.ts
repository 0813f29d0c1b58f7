import pino from 'pino';

/** Structured logs; personal data (ID numbers, phones, passwords, tokens) never leaves in clear. */
export function createLogger(level: string) {
  return pino({
    level,
    redact: {
      paths: ['*.idNumber', '*.phone', '*.password', '*.token', 'req.headers.authorization', '*.applicant.idNumber', '*.applicant.phone'],
      censor: '***',
    },
  });
}
