/** names: nothing in, the built-in header names of every column in the languages API docs are written in out — the one table errgen matches headers against (after `normalizeHeader`), and the README lists row for row. */
import {normalizeHeader} from '../../catalog/names.js'
import type {Column} from '../../types.js'

/** What a built-in header name says about its column: a column errgen reads, a description of the error, or a column never read. */
export type HeaderRole = Column | 'description' | 'other'

/** The header names of one language, by the role each gives its column. */
export type LanguageNames = {readonly language: string} & {readonly [Role in HeaderRole]: ReadonlyArray<string>}

/**
 * Every built-in header name, by language. `status` names without `HTTP` in them (`Status`, `Estado`, `状态`) are
 * read as HTTP only when the cells hold statuses; `description` names are description-like (the message, or the
 * resolve text, when the table has no column of that name); `other` names a column errgen never reads (`Type`,
 * `Category`), so that it is not read by its content either.
 */
export const headerNames: ReadonlyArray<LanguageNames> = [
  {
    language: 'English',
    status: ['HTTP', 'HTTP status', 'HTTP status code', 'HTTP code', 'HTTP response', 'Status', 'Status code', 'Response code'],
    code: ['Code', 'Error code', 'Error', 'Error ID'],
    message: ['Message', 'Error message'],
    resolve: ['Resolve', 'Resolution', 'How to resolve', 'How to fix', 'Fix', 'Solution', 'Suggested action', 'Action'],
    name: ['Name', 'Identifier'],
    deprecated: ['Deprecated', 'Deprecation'],
    description: ['Description', 'Meaning', 'Text', 'Details', 'Detail', 'Explanation', 'Reason', 'Summary', 'Title', 'Error description'],
    other: ['Type', 'Error type', 'Category']
  },
  {
    language: 'Spanish',
    status: ['Código HTTP', 'Estado HTTP', 'Código de estado HTTP', 'Estado', 'Código de estado'],
    code: ['Código', 'Código de error'],
    message: ['Mensaje', 'Mensaje de error'],
    resolve: ['Solución', 'Resolución', 'Cómo resolver', 'Cómo solucionarlo', 'Acción recomendada'],
    name: ['Nombre', 'Identificador'],
    deprecated: ['Obsoleto', 'En desuso'],
    description: ['Descripción', 'Significado', 'Detalles', 'Explicación', 'Motivo', 'Causa'],
    other: ['Tipo', 'Tipo de error', 'Categoría']
  },
  {
    language: 'Portuguese',
    status: ['Código HTTP', 'Status HTTP', 'Código de status HTTP', 'Código de status', 'Status'],
    code: ['Código', 'Código de erro'],
    message: ['Mensagem', 'Mensagem de erro'],
    resolve: ['Solução', 'Resolução', 'Como resolver', 'Ação recomendada'],
    name: ['Nome', 'Identificador'],
    deprecated: ['Obsoleto', 'Descontinuado'],
    description: ['Descrição', 'Significado', 'Detalhes', 'Explicação', 'Motivo', 'Causa'],
    other: ['Tipo', 'Tipo de erro', 'Categoria']
  },
  {
    language: 'French',
    status: ['Code HTTP', 'Statut HTTP', 'Code de statut HTTP', 'Statut', 'Code de statut'],
    code: ['Code', "Code d'erreur", 'Code erreur'],
    message: ['Message', "Message d'erreur"],
    resolve: ['Résolution', 'Solution', 'Comment résoudre', 'Action recommandée', 'Correction'],
    name: ['Nom', 'Identifiant'],
    deprecated: ['Obsolète', 'Déprécié'],
    description: ['Description', 'Signification', 'Détails', 'Explication', 'Raison', 'Cause'],
    other: ['Type', "Type d'erreur", 'Catégorie']
  },
  {
    language: 'German',
    status: ['HTTP-Status', 'HTTP-Statuscode', 'HTTP-Code', 'Status', 'Statuscode'],
    code: ['Code', 'Fehlercode', 'Fehlernummer'],
    message: ['Meldung', 'Fehlermeldung', 'Nachricht'],
    resolve: ['Lösung', 'Behebung', 'Abhilfe', 'Maßnahme', 'Empfohlene Maßnahme'],
    name: ['Name', 'Bezeichner'],
    deprecated: ['Veraltet', 'Abgekündigt'],
    description: ['Beschreibung', 'Bedeutung', 'Details', 'Erklärung', 'Ursache', 'Grund'],
    other: ['Typ', 'Fehlertyp', 'Kategorie']
  },
  {
    language: 'Italian',
    status: ['Codice HTTP', 'Stato HTTP', 'Codice di stato HTTP', 'Stato', 'Codice di stato'],
    code: ['Codice', 'Codice di errore', 'Codice errore'],
    message: ['Messaggio', 'Messaggio di errore'],
    resolve: ['Soluzione', 'Risoluzione', 'Come risolvere', 'Azione consigliata'],
    name: ['Nome', 'Identificatore'],
    deprecated: ['Deprecato', 'Obsoleto'],
    description: ['Descrizione', 'Significato', 'Dettagli', 'Spiegazione', 'Motivo', 'Causa'],
    other: ['Tipo', 'Tipo di errore', 'Categoria']
  },
  {
    language: 'Russian',
    status: ['Код HTTP', 'HTTP-код', 'HTTP-статус', 'Статус HTTP', 'Код ответа HTTP', 'Статус', 'Код ответа'],
    code: ['Код', 'Код ошибки', 'Номер ошибки'],
    message: ['Сообщение', 'Текст ошибки', 'Сообщение об ошибке'],
    resolve: ['Решение', 'Как исправить', 'Что делать', 'Рекомендация', 'Способ решения'],
    name: ['Имя', 'Название', 'Идентификатор'],
    deprecated: ['Устарело', 'Устаревший'],
    description: ['Описание', 'Пояснение', 'Причина', 'Причины', 'Значение', 'Подробности'],
    other: ['Тип', 'Тип ошибки', 'Категория']
  },
  {
    language: 'Ukrainian',
    status: ['Код HTTP', 'HTTP-код', 'HTTP-статус', 'Статус HTTP', 'Статус', 'Код відповіді'],
    code: ['Код', 'Код помилки', 'Номер помилки'],
    message: ['Повідомлення', 'Текст помилки', 'Повідомлення про помилку'],
    resolve: ['Рішення', 'Як виправити', 'Що робити', 'Рекомендація'],
    name: ["Ім'я", 'Назва', 'Ідентифікатор'],
    deprecated: ['Застаріло', 'Застарілий'],
    description: ['Опис', 'Пояснення', 'Причина', 'Причини', 'Значення', 'Деталі'],
    other: ['Тип', 'Тип помилки', 'Категорія']
  },
  {
    language: 'Polish',
    status: ['Kod HTTP', 'Status HTTP', 'Kod statusu HTTP', 'Status', 'Kod statusu', 'Kod odpowiedzi'],
    code: ['Kod', 'Kod błędu', 'Numer błędu'],
    message: ['Komunikat', 'Komunikat błędu', 'Wiadomość', 'Treść'],
    resolve: ['Rozwiązanie', 'Jak naprawić', 'Zalecane działanie'],
    name: ['Nazwa', 'Identyfikator'],
    deprecated: ['Przestarzały', 'Wycofany'],
    description: ['Opis', 'Znaczenie', 'Szczegóły', 'Wyjaśnienie', 'Przyczyna'],
    other: ['Typ', 'Typ błędu', 'Kategoria']
  },
  {
    language: 'Turkish',
    status: ['HTTP kodu', 'HTTP durumu', 'HTTP durum kodu', 'Durum', 'Durum kodu'],
    code: ['Kod', 'Hata kodu'],
    message: ['Mesaj', 'Hata mesajı', 'İleti'],
    resolve: ['Çözüm', 'Nasıl çözülür', 'Önerilen işlem'],
    name: ['Ad', 'İsim', 'Tanımlayıcı'],
    deprecated: ['Kullanımdan kaldırıldı', 'Eskimiş'],
    description: ['Açıklama', 'Anlamı', 'Ayrıntılar', 'Neden'],
    other: ['Tür', 'Hata türü', 'Kategori']
  },
  {
    language: 'Chinese (simplified)',
    status: ['HTTP 状态码', 'HTTP 状态', 'HTTP 代码', 'HTTP 响应码', '状态码', '状态', '响应码'],
    code: ['错误码', '错误代码', '错误编码', '返回码', '返回代码', '代码'],
    message: ['错误信息', '错误消息', '消息', '信息', '提示信息', '错误提示'],
    resolve: ['解决方案', '解决方法', '解决办法', '处理方法', '处理建议', '建议'],
    name: ['名称', '标识符', '错误名称'],
    deprecated: ['已弃用', '已废弃'],
    description: ['描述', '说明', '含义', '错误描述', '详情', '原因', '错误原因'],
    other: ['类型', '错误类型', '分类']
  },
  {
    language: 'Chinese (traditional)',
    status: ['HTTP 狀態碼', 'HTTP 狀態', 'HTTP 代碼', '狀態碼', '狀態', '回應碼'],
    code: ['錯誤碼', '錯誤代碼', '返回碼', '回傳碼', '代碼'],
    message: ['錯誤訊息', '錯誤消息', '訊息', '消息'],
    resolve: ['解決方案', '解決方法', '處理方式', '建議'],
    name: ['名稱', '識別碼', '錯誤名稱'],
    deprecated: ['已棄用', '已淘汰'],
    description: ['描述', '說明', '含義', '意義', '錯誤描述', '詳情', '原因'],
    other: ['類型', '錯誤類型', '分類']
  },
  {
    language: 'Japanese',
    status: ['HTTP ステータス', 'HTTP ステータスコード', 'HTTP コード', 'ステータスコード', 'ステータス'],
    code: ['エラーコード', 'コード', 'エラー番号'],
    message: ['メッセージ', 'エラーメッセージ'],
    resolve: ['対処法', '対処方法', '解決方法', '対応方法', '対処'],
    name: ['名前', '識別子', 'エラー名'],
    deprecated: ['非推奨', '廃止'],
    description: ['説明', '内容', '意味', '詳細', '原因', 'エラー内容'],
    other: ['種類', '種別', '分類', 'カテゴリ']
  },
  {
    language: 'Korean',
    status: ['HTTP 상태 코드', 'HTTP 상태', 'HTTP 코드', '상태 코드', '상태', '응답 코드'],
    code: ['오류 코드', '에러 코드', '코드', '오류 번호'],
    message: ['메시지', '오류 메시지', '에러 메시지'],
    resolve: ['해결 방법', '조치 방법', '해결책', '권장 조치', '조치'],
    name: ['이름', '식별자', '오류 이름'],
    deprecated: ['지원 중단', '사용 중단'],
    description: ['설명', '의미', '상세', '원인', '세부 정보'],
    other: ['유형', '분류', '카테고리']
  },
  {
    language: 'Vietnamese',
    status: ['Mã HTTP', 'Trạng thái HTTP', 'Mã trạng thái HTTP', 'Mã trạng thái', 'Trạng thái'],
    code: ['Mã', 'Mã lỗi'],
    message: ['Thông báo', 'Thông báo lỗi', 'Thông điệp'],
    resolve: ['Cách khắc phục', 'Giải pháp', 'Cách xử lý', 'Hướng xử lý'],
    name: ['Tên', 'Định danh'],
    deprecated: ['Không còn dùng', 'Đã lỗi thời'],
    description: ['Mô tả', 'Ý nghĩa', 'Chi tiết', 'Nguyên nhân', 'Giải thích'],
    other: ['Loại', 'Loại lỗi', 'Phân loại']
  },
  {
    language: 'Indonesian',
    status: ['Kode HTTP', 'Status HTTP', 'Kode status HTTP', 'Kode status', 'Status'],
    code: ['Kode', 'Kode kesalahan', 'Kode galat', 'Kode error'],
    message: ['Pesan', 'Pesan kesalahan', 'Pesan galat', 'Pesan error'],
    resolve: ['Solusi', 'Penyelesaian', 'Cara mengatasi', 'Cara memperbaiki', 'Tindakan'],
    name: ['Nama', 'Pengenal'],
    deprecated: ['Usang', 'Tidak digunakan lagi'],
    description: ['Deskripsi', 'Keterangan', 'Arti', 'Penjelasan', 'Penyebab', 'Detail'],
    other: ['Jenis', 'Tipe', 'Kategori']
  }
]

/** The roles, in the order the README's table lists them. */
export const headerRoles: ReadonlyArray<HeaderRole> = ['status', 'code', 'message', 'resolve', 'name', 'deprecated', 'description', 'other']

/** Every built-in name (normalized) and the role it gives its column. */
export const builtInNames: ReadonlyMap<string, HeaderRole> = new Map(
  headerNames.flatMap((language) => headerRoles.flatMap((role) => language[role].map((text) => [normalizeHeader(text), role] as const)))
)

/** Whether a header that names the HTTP column says `HTTP` (`HTTP status`): else (`Status`, `状态`) its cells must hold statuses. */
export function saysHttp(text: string): boolean {
  return normalizeHeader(text).includes('http')
}
