-- Schema and reporting queries for a small lending library.
-- Written for SQLite. Apart from date() and julianday(), the queries are standard SQL.

PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS members (
    member_id   INTEGER PRIMARY KEY,
    full_name   TEXT    NOT NULL,
    email       TEXT    NOT NULL UNIQUE,
    joined_on   TEXT    NOT NULL DEFAULT (date('now'))
);

CREATE TABLE IF NOT EXISTS books (
    book_id     INTEGER PRIMARY KEY,
    title       TEXT    NOT NULL,
    author      TEXT    NOT NULL,
    isbn        TEXT    UNIQUE,
    copies      INTEGER NOT NULL DEFAULT 1 CHECK (copies >= 0)
);

CREATE TABLE IF NOT EXISTS loans (
    loan_id     INTEGER PRIMARY KEY,
    book_id     INTEGER NOT NULL REFERENCES books (book_id),
    member_id   INTEGER NOT NULL REFERENCES members (member_id),
    loaned_on   TEXT    NOT NULL,
    due_on      TEXT    NOT NULL,
    returned_on TEXT,
    CHECK (due_on >= loaned_on)
);

CREATE INDEX IF NOT EXISTS idx_loans_open
    ON loans (book_id) WHERE returned_on IS NULL;

-- Sample data (invented members and books).
INSERT INTO members (member_id, full_name, email, joined_on) VALUES
    (1, 'Hana Kowalczyk', 'hana@example.com',   '2023-02-11'),
    (2, 'Oliver Mensah',  'oliver@example.com', '2023-09-30'),
    (3, 'Rosa Lindqvist', 'rosa@example.com',   '2024-01-05');

INSERT INTO books (book_id, title, author, isbn, copies) VALUES
    (1, 'The Quiet Harbour',     'M. Ellery',   '978-0-00-000001-1', 2),
    (2, 'Practical Beekeeping',  'D. Arnaud',   '978-0-00-000002-8', 1),
    (3, 'Stars Without Maps',    'J. Okonkwo',  '978-0-00-000003-5', 3);

INSERT INTO loans (book_id, member_id, loaned_on, due_on, returned_on) VALUES
    (1, 1, '2024-03-01', '2024-03-22', '2024-03-20'),
    (2, 1, '2024-04-02', '2024-04-23', NULL),
    (1, 2, '2024-04-10', '2024-05-01', NULL),
    (3, 3, '2024-04-15', '2024-05-06', '2024-05-10');

-- 1. Copies currently available for each book.
SELECT b.title,
       b.copies - COUNT(l.loan_id) AS available
FROM books b
LEFT JOIN loans l
       ON l.book_id = b.book_id AND l.returned_on IS NULL
GROUP BY b.book_id, b.title, b.copies
ORDER BY b.title;

-- 2. Overdue loans as of today, oldest due date first.
SELECT m.full_name,
       b.title,
       l.due_on,
       CAST(julianday('now') - julianday(l.due_on) AS INTEGER) AS days_overdue
FROM loans l
JOIN members m ON m.member_id = l.member_id
JOIN books   b ON b.book_id   = l.book_id
WHERE l.returned_on IS NULL
  AND l.due_on < date('now')
ORDER BY l.due_on;

-- 3. Loans that were returned late, with the number of days late.
SELECT l.loan_id,
       m.full_name,
       CAST(julianday(l.returned_on) - julianday(l.due_on) AS INTEGER) AS days_late
FROM loans l
JOIN members m ON m.member_id = l.member_id
WHERE l.returned_on > l.due_on;

-- 4. Most active members by total number of loans.
SELECT m.full_name, COUNT(*) AS total_loans
FROM members m
JOIN loans l ON l.member_id = m.member_id
GROUP BY m.member_id, m.full_name
ORDER BY total_loans DESC, m.full_name
LIMIT 10;
