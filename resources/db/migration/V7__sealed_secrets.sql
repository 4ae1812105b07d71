-- Device secrets are stored sealed (AES-256-GCM, base64 with a prefix): a 100-character secret takes
-- 177 characters sealed. The values themselves are sealed by the backend at start (it holds the key).
ALTER TABLE devices ALTER COLUMN secret SET DATA TYPE VARCHAR(256);
