-- Request fingerprints are now HMAC-SHA256 under a secret kept with the master key. The plain SHA-256
-- fingerprints stored before could be brute-forced back to a request's personal data (a phone number is a
-- few million guesses), so they are removed; a retry of such an old write gets its first answer back.
update idempotency_record set request_fingerprint = 'legacy';
