import { Checkbox, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { permLabel } from '../../../shared/labels.tsx';

interface Props {
  /** group → permission codes (GET /api/permissions) */
  groups: Record<string, string[]>;
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
}

/** Permission codes as checkboxes, one block per group, with a "whole group" toggle. */
export function PermissionChecklist({ groups, value = [], onChange, disabled }: Props) {
  const { t } = useTranslation();
  const selected = new Set(value);
  const catalogueOrder = Object.values(groups).flat();
  const set = (codes: string[], on: boolean) => {
    const next = new Set(selected);
    for (const c of codes) {
      if (on) next.add(c);
      else next.delete(c);
    }
    // catalogue order first; codes the catalogue does not list (kept from the role) after
    const known = catalogueOrder.filter((c) => next.has(c));
    const unknown = [...next].filter((c) => !catalogueOrder.includes(c));
    onChange?.([...known, ...unknown]);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12} data-testid="permission-checklist">
      {Object.entries(groups).map(([group, codes]) => {
        const on = codes.filter((c) => selected.has(c)).length;
        return (
          <div key={group} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 12px' }}>
            <Checkbox
              checked={on === codes.length && codes.length > 0}
              indeterminate={on > 0 && on < codes.length}
              disabled={disabled}
              onChange={(e) => set(codes, e.target.checked)}
            >
              <Typography.Text strong>{t(`permGroup.${group}`, { defaultValue: group })}</Typography.Text>
            </Checkbox>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '6px 16px', marginTop: 8, paddingInlineStart: 24 }}>
              {codes.map((code) => (
                <Checkbox
                  key={code}
                  checked={selected.has(code)}
                  disabled={disabled}
                  onChange={(e) => set([code], e.target.checked)}
                  data-testid={`perm-${code}`}
                >
                  {permLabel(t, code)}
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                    {code}
                  </Typography.Text>
                </Checkbox>
              ))}
            </div>
          </div>
        );
      })}
    </Space>
  );
}
