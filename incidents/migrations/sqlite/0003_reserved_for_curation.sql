-- Placeholder keeping the migration numbers contiguous on the accounts branch: the curation branch's 0003 takes this
-- number. When both are merged, delete this file (two 0003 files stop every store from opening, loudly).
SELECT 1;
