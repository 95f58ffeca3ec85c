/**
 * The guarantors' election timetable (docs/MODEL.md §5): when each guarantor votes, built once per
 * scenario by the plan and read by both steppers.
 */

export interface GuarantorTimetable {
  /** months between elections, 0 = none modelled */
  interval: Int32Array;
  /** month of the first election */
  first: Int32Array;
  /** 1 in months where some guarantor holds an election */
  anyInMonth: Uint8Array;
}
