// RFC 4180 CSV as registers exported from spreadsheets arrive: optional UTF-8 BOM, CRLF or LF, quoted fields with
// doubled quotes and line breaks inside. Each row keeps the line it started on, for the rejection report.

export interface CsvRow {
  line: number
  fields: string[]
}

export function parseCsv(text: string): CsvRow[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const rows: CsvRow[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  const endRow = () => {
    fields.push(field)
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields })
    fields = []
    field = ''
  }
  for (let i = 0; i < input.length; i += 1) {
    const char = input[i]
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"'
        i += 1
      } else if (char === '"') {
        quoted = false
      } else {
        if (char === '\n') line += 1
        field += char
      }
    } else if (char === '"' && field === '') {
      quoted = true
    } else if (char === ',') {
      fields.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i += 1
      endRow()
      line += 1
      rowLine = line
    } else {
      field += char
    }
  }
  if (field !== '' || fields.length > 0) endRow()
  return rows
}
