"use client";
// A labelled amount input with Max and the error tied to it for screen readers.
import { useId } from "react";
import { amountToInput } from "@/lib/amount";

export function AmountField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  max?: bigint;
  error?: string;
  testId?: string;
}) {
  const id = useId();
  const err = useId();
  return (
    <>
      <label htmlFor={id}>{props.label}</label>
      <div className="row" style={{ marginTop: 0 }}>
        <input
          id={id}
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.0"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          aria-invalid={!!props.error}
          aria-describedby={err}
          data-testid={props.testId}
          style={{ flex: 1 }}
        />
        <button
          type="button"
          className="secondary"
          disabled={props.max === undefined}
          onClick={() => props.max !== undefined && props.onChange(amountToInput(props.max))}
          aria-label={`Max ${props.label}`}
        >
          Max
        </button>
      </div>
      <p id={err} className="field-error" data-testid={props.testId ? `${props.testId}-error` : undefined}>
        {props.error ?? ""}
      </p>
    </>
  );
}
