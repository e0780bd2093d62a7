import { useTranslation } from 'react-i18next';
import type { ApprovalNode, ApprovalPolicy, Approvers } from '@ticketflow/definition';
import { ApproversPicker } from './ApproversPicker';
import { ForEachPicker } from './ForEachPicker';
import { GroupsPolicyEditor } from './GroupsPolicyEditor';
import { useDirectory } from './use-directory';
import { DurationInput } from './DurationInput';
import { without } from './use-node-editor';
import { asTimeout } from '../duration/duration-text';

interface Props {
  node: ApprovalNode;
  update: (change: (n: ApprovalNode) => ApprovalNode, mergeKey?: string) => void;
}

/** Approvers (a role, named users or a users field), once or per item, the policy, separation of duties and the timeout. */
export function ApprovalEditor({ node, update }: Props) {
  const { t } = useTranslation();
  const { roles } = useDirectory();
  const approvers = node.approvers ?? { role: roles[0]?.name ?? 'manager' };
  const policy = node.policy ?? { type: 'any' };
  const setApprovers = (a: Approvers) => update((n) => ({ ...n, approvers: a }));
  // A groups policy names who approves, so it carries no approvers; leaving it brings them back.
  const setPolicy = (p: ApprovalPolicy) =>
    update(
      (n) =>
        p.type === 'groups' ? { ...without(n, 'approvers'), policy: p } : { ...n, approvers, policy: p },
      'policy',
    );
  const firstRole = roles[0]?.name ?? 'finance';

  return (
    <>
      {policy.type !== 'groups' && <ApproversPicker approvers={approvers} onChange={setApprovers} />}
      <ForEachPicker node={node} update={(change) => update(change)} />
      <fieldset>
        <legend>{t('designer.props.policy')}</legend>
        {node.forEach && <p className="muted small">{t('designer.props.forEachPolicyHint')}</p>}
        <select
          data-testid="prop-policy-type"
          value={policy.type}
          onChange={(e) => {
            const type = e.target.value as ApprovalPolicy['type'];
            setPolicy(
              type === 'quorum'
                ? { type, count: 2 }
                : type === 'percent'
                  ? { type, value: 50 }
                  : type === 'groups'
                    ? { type, groups: [{ role: firstRole, count: 1 }] }
                    : { type },
            );
          }}
        >
          {(['any', 'all', 'quorum', 'percent', 'groups'] as const).map((p) => (
            <option key={p} value={p}>
              {t(`designer.props.policy_${p}`)}
            </option>
          ))}
        </select>
        {policy.type === 'quorum' && (
          <label>
            {t('designer.props.quorumCount')}
            <input
              type="number"
              min={1}
              data-testid="prop-policy-count"
              value={policy.count}
              onChange={(e) => setPolicy({ type: 'quorum', count: Math.max(1, Number(e.target.value) || 1) })}
            />
          </label>
        )}
        {policy.type === 'groups' && (
          <GroupsPolicyEditor
            groups={policy.groups}
            roles={roles}
            onChange={(groups) => setPolicy({ type: 'groups', groups })}
          />
        )}
        {policy.type === 'percent' && (
          <label>
            {t('designer.props.percentValue')}
            <input
              type="number"
              min={1}
              max={100}
              data-testid="prop-policy-percent"
              value={policy.value}
              onChange={(e) =>
                setPolicy({ type: 'percent', value: Math.min(100, Math.max(1, Number(e.target.value) || 1)) })
              }
            />
          </label>
        )}
        <label className="check">
          <input
            type="checkbox"
            data-testid="prop-allow-requester"
            checked={node.allowRequester ?? false}
            onChange={(e) =>
              update((n) =>
                e.target.checked ? { ...n, allowRequester: true } : without(n, 'allowRequester'),
              )
            }
          />
          {t('designer.props.allowRequester')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('designer.props.timeout')}</legend>
        <DurationInput
          testId="prop-timeout"
          label={t('designer.props.timeoutAfter')}
          optional
          value={node.timeout}
          onChange={(d) =>
            update((n) =>
              d
                ? {
                    ...n,
                    timeout: {
                      ...asTimeout(d),
                      ...(n.timeout?.autoDecision ? { autoDecision: n.timeout.autoDecision } : {}),
                    },
                  }
                : without(n, 'timeout'),
            )
          }
        />
        {node.timeout && (
          <label>
            {t('designer.props.autoDecision')}
            <select
              data-testid="prop-timeout-auto"
              value={node.timeout.autoDecision ?? ''}
              onChange={(e) =>
                update((n) => {
                  const timeout = without(n.timeout!, 'autoDecision');
                  return {
                    ...n,
                    timeout: e.target.value
                      ? { ...timeout, autoDecision: e.target.value as 'approved' | 'rejected' }
                      : timeout,
                  };
                })
              }
            >
              <option value="">{t('designer.props.autoDecisionEdge')}</option>
              <option value="approved">{t('outcomes.approved')}</option>
              <option value="rejected">{t('outcomes.rejected')}</option>
            </select>
          </label>
        )}
      </fieldset>
    </>
  );
}
