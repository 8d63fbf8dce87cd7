# character length of UTF-8 text in mawk: drop continuation bytes (0x80-0xBF)
function clen(s,  t) { t = s; gsub(/[\200-\277]/, "", t); return length(t) }
BEGIN { FS = "\t"; bad = 0 }
NF != 3 { print "fields", NR, $0; bad++ }
!($1 == "forbidden" || $1 == "ok") { print "label", NR, $0; bad++ }
($1 == "ok" && $2 != "-") || ($1 == "forbidden" && $2 !~ /^(推诿|斥责|不耐烦|冷漠|顶撞|轻视|催促|不当称呼)$/) { print "category", NR, $0; bad++ }
{ n = clen($3); if (n < 2 || n > 14) { print "length", n, NR, $3; bad++ } }
seen[$3]++ { print "duplicate", NR, $3; bad++ }
END { print NR " lines, " bad " problems" }
