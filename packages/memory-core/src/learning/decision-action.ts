// Whole words, so "notify", "checkout" or "verification" do not count; "decide" / "determine" only as the opener.
const DECISION_ACTION = /^\s*(?:decide|determine)\b|\b(?:if|when|check|verify|validate|ensure)\b/i;

/** Whether a step's action is a decision: it names a condition or a check, or starts with "decide" / "determine". */
export function isDecisionAction(action: string): boolean {
  return DECISION_ACTION.test(action);
}
