// @salesforce/resourceUrl/prmWidgets for the tests: the static resource, built on request.
export default '/__prm-salesforce/prmWidgets.js';
