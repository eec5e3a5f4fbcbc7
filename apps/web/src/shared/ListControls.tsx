import { ReloadOutlined } from '@ant-design/icons';
import { Button, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface ValueFilterProps<T extends string> {
  values: readonly T[];
  /** i18n prefix of the option labels: `<labelPrefix>.<value>` */
  labelPrefix: string;
  placeholder: string;
  value: T | undefined;
  /** undefined when cleared */
  onChange: (value: T | undefined) => void;
  width: number;
  testId: string;
}

/** A list filter: one of a fixed set of values, or (cleared) all of them. */
export function ValueFilter<T extends string>({ values, labelPrefix, placeholder, value, onChange, width, testId }: ValueFilterProps<T>) {
  const { t } = useTranslation();
  const label = (v: string) => t(`${labelPrefix}.${v}`);
  return (
    <Select<T>
      allowClear
      style={{ width }}
      placeholder={placeholder}
      data-testid={testId}
      value={value}
      onChange={onChange}
      options={values.map((v) => ({ value: v, label: label(v) }))}
    />
  );
}

/** 刷新: fetches the list again, spinning while it does. */
export function RefreshButton({ query, testId }: { query: { refetch: () => unknown; isFetching: boolean }; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching} data-testid={testId}>
      {t('common.refresh')}
    </Button>
  );
}

interface LongTextProps {
  text: string | null;
  maxWidth: number;
  type?: 'danger';
  copyable?: boolean;
}

/** A table cell's long value, cut to `maxWidth` with all of it in a tooltip; '—' when there is none. */
export function LongTextCell({ text, maxWidth, type, copyable }: LongTextProps) {
  if (!text) return <>—</>;
  return (
    <Typography.Text type={type} copyable={copyable} ellipsis={{ tooltip: text }} style={{ maxWidth }}>
      {text}
    </Typography.Text>
  );
}
