// The refund flow of docs/architecture.md as BPMN 2.0 XML, for the peer engine (bpmn-engine).

/**
 * start → exclusive gateway (refundAmount > 5000) → finance approval (user
 * task) → end; otherwise manager approval → end. The condition is a
 * JavaScript expression over the instance's variables, as bpmn-engine runs it.
 */
export const REFUND_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="refund" targetNamespace="http://ticketflow.bench">
  <process id="refundApproval" isExecutable="true">
    <startEvent id="start" />
    <sequenceFlow id="e1" sourceRef="start" targetRef="amount" />
    <exclusiveGateway id="amount" default="e4" />
    <sequenceFlow id="e3" sourceRef="amount" targetRef="finance">
      <conditionExpression xsi:type="tFormalExpression" language="javascript">next(null, environment.variables.refundAmount &gt; 5000)</conditionExpression>
    </sequenceFlow>
    <sequenceFlow id="e4" sourceRef="amount" targetRef="manager" />
    <userTask id="finance" name="Finance approval" />
    <userTask id="manager" name="Manager approval" />
    <sequenceFlow id="e5" sourceRef="finance" targetRef="done" />
    <sequenceFlow id="e8" sourceRef="manager" targetRef="done" />
    <endEvent id="done" />
  </process>
</definitions>`;
