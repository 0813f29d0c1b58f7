import { FormDataConsumer, RadioButtonGroupInput, TextInput, minLength, required } from 'react-admin';

/**
 * The proof that completes the tax stage (domain/actions.ts, `record-tax-payment`): the receipt of
 * the payment, or the exemption that replaces it — one of the two, as the API requires.
 */
export function TaxPaymentInputs({ label }: { label: (k: string) => string }) {
  return (
    <>
      <RadioButtonGroupInput
        source="proof"
        label={label('proof')}
        choices={[
          { id: 'receipt', name: label('proof_receipt') },
          { id: 'exemption', name: label('proof_exemption') },
        ]}
        validate={required()}
      />
      <FormDataConsumer>
        {({ formData }) =>
          formData.proof === 'exemption' ? (
            <TextInput source="exemption" label={label('exemption')} validate={[required(), minLength(3)]} multiline fullWidth />
          ) : (
            <TextInput source="receiptNo" label={label('taxReceiptNo')} validate={required()} fullWidth />
          )
        }
      </FormDataConsumer>
      <TextInput source="note" label={label('note')} multiline fullWidth />
    </>
  );
}

/** Only the chosen proof goes to the API (a value typed before switching is dropped). */
export function taxPaymentBody({ proof, receiptNo, exemption, ...rest }: Record<string, unknown>): Record<string, unknown> {
  return proof === 'exemption' ? { ...rest, exemption } : { ...rest, receiptNo };
}
