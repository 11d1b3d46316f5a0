// lightning/uiRecordApi for the tests: getRecord answers from window.__sfRecords
// ({ [recordId]: { 'Account.Website': 'https://…', … } }) in the shape Lightning Data Service
// gives (`{ data: { fields: … } }`), and getFieldValue reads it back.
export class getRecord {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }
  update(config) {
    const values = window.__sfRecords?.[config.recordId];
    if (!values) {
      this.dataCallback({ data: undefined, error: { status: 404 } });
      return;
    }
    const fields = {};
    for (const f of config.fields ?? []) {
      const key = `${f.objectApiName}.${f.fieldApiName}`;
      fields[f.fieldApiName] = { value: values[key] ?? null };
    }
    this.dataCallback({ data: { id: config.recordId, fields }, error: undefined });
  }
  connect() {}
  disconnect() {}
}

export function getFieldValue(record, field) {
  return record?.fields?.[field.fieldApiName]?.value;
}
