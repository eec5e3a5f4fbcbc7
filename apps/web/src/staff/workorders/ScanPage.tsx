import { LeftOutlined, ScanOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { parseQr, placePath } from './qr.ts';
import '../../resident/home/my-home.css';
import '../../resident/workorders/common/wo-h5.css';

interface Detector { detect: (source: HTMLVideoElement) => Promise<{ rawValue: string }[]> }
type DetectorCtor = new (o: { formats: string[] }) => Detector;
const BarcodeDetectorApi = (globalThis as { BarcodeDetector?: DetectorCtor }).BarcodeDetector;
export const canScan = () => !!BarcodeDetectorApi && !!navigator.mediaDevices?.getUserMedia;

/**
 * 扫码: the phone's camera through the BarcodeDetector API where the browser has it (Chrome on
 * Android), else — and always as a fallback — a field to paste what another scanner read.
 */
export function ScanPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const video = useRef<HTMLVideoElement>(null);
  const [scanning, setScanning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ code: string }>();

  const found = (text: string) => {
    const target = parseQr(text);
    if (!target) return false;
    void navigate(placePath(target));
    return true;
  };

  useEffect(() => {
    if (!scanning || !BarcodeDetectorApi) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const detector = new BarcodeDetectorApi({ formats: ['qr_code'] });
    const tick = async () => {
      if (!live || !video.current) return;
      try {
        const codes = video.current.readyState >= 2 ? await detector.detect(video.current) : [];
        for (const c of codes) if (found(c.rawValue)) return;
        if (codes.length) setError(t('woH5.scan.notOurs'));
      } catch { /* a frame the detector could not read */ }
      timer = setTimeout(() => void tick(), 300);
    };
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then((s) => {
      if (!live) return s.getTracks().forEach((x) => x.stop());
      stream = s;
      if (video.current) {
        video.current.srcObject = s;
        void video.current.play();
      }
      void tick();
    }, () => {
      setError(t('woH5.scan.noCamera'));
      setScanning(false);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      stream?.getTracks().forEach((x) => x.stop());
    };
    // started and stopped by the toggle alone: a re-render must not reopen the camera
  }, [scanning]);

  return (
    <div data-testid="wo-scan-page">
      <Button type="link" icon={<LeftOutlined />} className="my-home-back" onClick={() => void navigate(-1)} data-testid="back">{t('common.back')}</Button>
      <Card title={t('woH5.scan.title')}>
        {canScan() ? (
          scanning ? <video ref={video} className="wo-scan-video" muted playsInline data-testid="wo-scan-video" />
            : <Button type="primary" block size="large" icon={<ScanOutlined />} onClick={() => { setError(null); setScanning(true); }} data-testid="wo-scan-start">{t('woH5.scan.start')}</Button>
        ) : (
          <Alert type="info" showIcon title={t('woH5.scan.unsupported')} data-testid="wo-scan-unsupported" />
        )}
        {error && <Alert type="warning" showIcon title={error} style={{ marginTop: 12 }} data-testid="wo-scan-error" />}
        <Form form={form} layout="vertical" style={{ marginTop: 16 }} requiredMark={false}
          onFinish={(v) => { if (!found(v.code)) form.setFields([{ name: 'code', errors: [t('woH5.scan.notOurs')] }]); }}>
          <Form.Item name="code" label={t('woH5.scan.paste')} rules={[{ required: true, whitespace: true, message: t('woH5.scan.pasteRequired') }]}>
            <Input.TextArea rows={2} placeholder="https://…/m/resident/#/report?room=…" data-testid="wo-scan-code" />
          </Form.Item>
          <Button htmlType="submit" block size="large" data-testid="wo-scan-open-code">{t('woH5.scan.open')}</Button>
        </Form>
      </Card>
    </div>
  );
}
