export default {
  displayName: 'domain-validators',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/domain/validators',
};
