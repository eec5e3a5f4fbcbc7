import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderDetail, WorkOrderEvent } from '../types.ts';
import { EventModal } from './EventModal.tsx';

const primary = new Set<WorkOrderEvent>(['assign', 'accept', 'start', 'complete', 'confirm', 'close']);
const danger = new Set<WorkOrderEvent>(['reject', 'cancel']);

/** Exactly the events the server says this user may fire now (from the shared transition table); nothing else is offered. */
export function WoActions({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const [event, setEvent] = useState<WorkOrderEvent | null>(null);
  return (
    <>
      {order.abilities.length > 0 && (
        <Space wrap data-testid="wo-actions">
          {order.abilities.map((e) => (
            <Button key={e} type={primary.has(e) ? 'primary' : 'default'} danger={danger.has(e)} onClick={() => setEvent(e)} data-testid={`wo-action-${e}`}>
              {t(`woConsole.event.${e}`)}
            </Button>
          ))}
        </Space>
      )}
      {/* stays mounted when a refusal's refetch leaves no abilities, so the server's message can be read */}
      <EventModal order={order} event={event} onClose={() => setEvent(null)} />
    </>
  );
}
