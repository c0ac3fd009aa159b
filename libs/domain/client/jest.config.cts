export default {
  displayName: 'domain-client',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/domain/client',
};
