export default {
  displayName: 'domain-mapping',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/domain/mapping',
};
