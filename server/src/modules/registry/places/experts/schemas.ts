/** Request and response schemas of the expert pool (专家库). */
import { Type, type Static } from '@fastify/type-provider-typebox'
import { describeOptions, valuesOf } from '../core/options.ts'
import { Clearable, DivisionCodeIn, Enum, listQueryFields, pageQueryFields, PageOf, Phone, rowFields, ShortText } from '../core/schemas.ts'
import { expertFields } from './options.ts'

const Field = Enum(valuesOf(expertFields), `专业领域 · field: ${describeOptions(expertFields)}`)

const inputFields = {
  name: ShortText('姓名 · name', 50),
  field: Field,
  title: Clearable(Type.String({ maxLength: 50, description: '职称或职务，如 高级工程师 · professional title' })),
  organisation: Clearable(Type.String({ maxLength: 100, description: '工作单位 · organisation' })),
  phone: Phone,
  divisionCode: DivisionCodeIn,
}

export const ExpertCreate = Type.Object(inputFields, { additionalProperties: false })
export type ExpertCreate = Static<typeof ExpertCreate>
export const ExpertPatch = Type.Partial(Type.Object(inputFields), { additionalProperties: false })
export type ExpertPatch = Static<typeof ExpertPatch>

export const Expert = Type.Object({
  ...rowFields,
  name: Type.String(),
  field: Field,
  fieldName: Type.String(),
  title: Type.String(),
  organisation: Type.String(),
  phone: Type.String(),
})

const filterFields = { ...listQueryFields, field: Type.Optional(Field) }
export const ExpertListQuery = Type.Object({ ...filterFields, ...pageQueryFields })
export const ExpertExportQuery = Type.Object(filterFields)
export const ExpertPage = PageOf(Expert)
