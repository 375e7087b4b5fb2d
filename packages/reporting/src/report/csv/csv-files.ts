import type {
  AlertView,
  BeneficiaryView,
  BudgetYearView,
  ContractView,
  DelayFigures,
  HolderView,
  ImpactPeriodView,
  IndicatorChangeView,
  ModificationView,
  MonthView,
  ProductView,
  TargetForecastView,
} from '@plafond/projections'
import { PHASE_LABELS, PHASES } from '../format/french-labels.js'
import type { ReportData } from '../report-data.js'
import type { CsvColumn, CsvKind } from './csv-table.js'

/** One CSV file of a report: its name, its columns and its rows. */
export interface CsvFile<Row = unknown> {
  readonly fileName: string
  readonly columns: readonly CsvColumn<Row>[]
  readonly rows: readonly Row[]
}

type Value = string | number | boolean | null

function column<Row>(
  key: string,
  label: string,
  kind: CsvKind,
  value: (row: Row) => Value,
): CsvColumn<Row> {
  return { key, label, kind, value }
}

function file<Row>(fileName: string, columns: CsvColumn<Row>[], rows: readonly Row[]): CsvFile {
  return { fileName, columns, rows } as CsvFile
}

const overviewColumns: CsvColumn<ReportData>[] = [
  column('frameworkId', 'Accord-cadre', 'text', (d) => d.overview.frameworkId),
  column('title', 'Intitulé', 'text', (d) => d.overview.title),
  column('asOf', 'Situation au', 'date', (d) => d.meta.asOf),
  column('status', 'Statut', 'text', (d) => d.overview.status),
  column('startsOn', 'Début', 'date', (d) => d.overview.startsOn),
  column('endsOn', 'Fin', 'date', (d) => d.overview.endsOn),
  column('closedOn', 'Clos le', 'date', (d) => d.overview.closedOn),
  column('closeReason', 'Motif de clôture', 'text', (d) => d.overview.closeReason),
  column('maximum', 'Montant maximum (€ HT)', 'decimal', (d) => d.overview.maximum),
  column('estimate', 'Montant estimé (€ HT)', 'decimal', (d) => d.overview.estimate),
  column('minimum', 'Montant minimum (€ HT)', 'decimal', (d) => d.overview.minimum),
  column('allocated', 'Alloué (€ HT)', 'decimal', (d) => d.overview.allocated),
  column('unallocated', 'Non alloué (€ HT)', 'decimal', (d) => d.overview.unallocated),
  column('committed', 'Engagé (€ HT)', 'decimal', (d) => d.overview.committed),
  column('certified', 'Service fait (€ HT)', 'decimal', (d) => d.overview.certified),
  column('invoiced', 'Facturé (€ HT)', 'decimal', (d) => d.overview.invoiced),
  column('paid', 'Payé (€ HT)', 'decimal', (d) => d.overview.paid),
  column('lateInterest', 'Intérêts moratoires (€)', 'decimal', (d) => d.overview.lateInterest),
  column('headroom', 'Marge sous le maximum (€ HT)', 'decimal', (d) => d.overview.headroom),
  column('shareOfEstimate', 'Engagé / estimé (%)', 'decimal', (d) => d.overview.shareOfEstimate),
  column('shareOfMaximum', 'Engagé / maximum (%)', 'decimal', (d) => d.overview.shareOfMaximum),
  column('holders', 'Titulaires', 'integer', (d) => d.overview.holders),
  column('beneficiaries', 'Bénéficiaires', 'integer', (d) => d.overview.beneficiaries),
  column('contracts', 'Marchés subséquents et bons', 'integer', (d) => d.overview.contracts),
  column('concentration', 'Indice HHI (engagé)', 'integer', (d) => d.holders.concentration),
  column(
    'awardedConcentration',
    'Indice HHI (attribué)',
    'integer',
    (d) => d.holders.awardedConcentration,
  ),
  column('ceilingReachedOn', 'Maximum atteint le', 'date', (d) => d.overview.ceilingReachedOn),
]

const beneficiaryColumns: CsvColumn<BeneficiaryView>[] = [
  column('id', 'SIRET', 'text', (b) => b.beneficiaryId),
  column('name', 'Bénéficiaire', 'text', (b) => b.name),
  column('programme', 'Programme', 'text', (b) => b.programme),
  column('allocated', 'Enveloppe (€ HT)', 'decimal', (b) => b.allocated),
  column('committed', 'Engagé (€ HT)', 'decimal', (b) => b.committed),
  column('certified', 'Service fait (€ HT)', 'decimal', (b) => b.certified),
  column('invoiced', 'Facturé (€ HT)', 'decimal', (b) => b.invoiced),
  column('paid', 'Payé (€ HT)', 'decimal', (b) => b.paid),
  column('lateInterest', 'Intérêts moratoires (€)', 'decimal', (b) => b.lateInterest),
  column('headroom', 'Reste sur l’enveloppe (€ HT)', 'decimal', (b) => b.headroom),
  column('shareOfAllocation', 'Engagé / enveloppe (%)', 'decimal', (b) => b.shareOfAllocation),
  column('contracts', 'Marchés', 'integer', (b) => b.contracts),
]

const holderColumns: CsvColumn<HolderView>[] = [
  column('id', 'SIRET', 'text', (h) => h.holderId),
  column('name', 'Titulaire', 'text', (h) => h.name),
  column('succeededBy', 'Repris par (SIRET)', 'text', (h) => h.succeededBy),
  column('succeededOn', 'Repris le', 'date', (h) => h.succeededOn),
  column('awarded', 'Attribué (€ HT)', 'decimal', (h) => h.awarded),
  column('committed', 'Engagé détenu (€ HT)', 'decimal', (h) => h.committed),
  column('certified', 'Service fait (€ HT)', 'decimal', (h) => h.certified),
  column('paid', 'Payé (€ HT)', 'decimal', (h) => h.paid),
  column('shareOfCommitted', 'Part de l’engagé (%)', 'decimal', (h) => h.shareOfCommitted),
  column('shareOfAwarded', 'Part de l’attribué (%)', 'decimal', (h) => h.shareOfAwarded),
  column('contractsAwarded', 'Marchés attribués', 'integer', (h) => h.contractsAwarded),
  column('contractsHeld', 'Marchés détenus', 'integer', (h) => h.contractsHeld),
]

const budgetYearColumns: CsvColumn<BudgetYearView>[] = [
  column('year', 'Année', 'integer', (y) => y.year),
  column('committed', 'Engagements de l’année, AE (€ HT)', 'decimal', (y) => y.committed),
  column('certified', 'Service fait (€ HT)', 'decimal', (y) => y.certified),
  column('paid', 'Paiements de l’année, CP (€ HT)', 'decimal', (y) => y.paid),
  column('cumulativeCommitted', 'AE cumulées (€ HT)', 'decimal', (y) => y.cumulativeCommitted),
  column('cumulativePaid', 'CP cumulés (€ HT)', 'decimal', (y) => y.cumulativePaid),
  column('remainingToPay', 'Restes à payer (€ HT)', 'decimal', (y) => y.remainingToPay),
]

const monthColumns: CsvColumn<MonthView>[] = [
  column('month', 'Mois', 'text', (m) => m.month),
  column('committed', 'Engagé (€ HT)', 'decimal', (m) => m.committed),
  column('certified', 'Service fait (€ HT)', 'decimal', (m) => m.certified),
  column('paid', 'Payé (€ HT)', 'decimal', (m) => m.paid),
  column('cumulativeCommitted', 'Engagé cumulé (€ HT)', 'decimal', (m) => m.cumulativeCommitted),
  column(
    'cumulativeCertified',
    'Service fait cumulé (€ HT)',
    'decimal',
    (m) => m.cumulativeCertified,
  ),
  column('cumulativePaid', 'Payé cumulé (€ HT)', 'decimal', (m) => m.cumulativePaid),
]

const contractColumns: CsvColumn<ContractView>[] = [
  column('id', 'Marché', 'text', (c) => c.contractId),
  column('beneficiaryId', 'Bénéficiaire (SIRET)', 'text', (c) => c.beneficiaryId),
  column('holderId', 'Titulaire (SIRET)', 'text', (c) => c.holderId),
  column('formerHolderIds', 'Anciens titulaires (SIRET)', 'text', (c) =>
    c.formerHolderIds.length === 0 ? null : c.formerHolderIds.join(' '),
  ),
  column('kind', 'Nature', 'text', (c) => c.kind),
  column('competition', 'Mise en concurrence', 'text', (c) => c.competition),
  column('product', 'Produit', 'text', (c) => c.product),
  column('object', 'Objet', 'text', (c) => c.object),
  column('awardedOn', 'Attribué le', 'date', (c) => c.awardedOn),
  column('initial', 'Montant initial (€ HT)', 'decimal', (c) => c.initial),
  column('modifications', 'Modifications', 'integer', (c) => c.modifications.length),
  column('amount', 'Montant actuel (€ HT)', 'decimal', (c) => c.amount),
  column('driftPercent', 'Dérive (%)', 'decimal', (c) => c.driftPercent),
  column('driftAboveReference', 'Dérive au-delà de 24 %', 'boolean', (c) => c.driftAboveReference),
  column('orders', 'Bons de commande', 'integer', (c) => c.orders),
  column('ordered', 'Commandé (€ HT)', 'decimal', (c) => c.ordered),
  column('certified', 'Service fait (€ HT)', 'decimal', (c) => c.certified),
  column('invoiced', 'Facturé (€ HT)', 'decimal', (c) => c.invoiced),
  column('paid', 'Payé (€ HT)', 'decimal', (c) => c.paid),
  column('lateInterest', 'Intérêts moratoires (€)', 'decimal', (c) => c.lateInterest),
  column('deliveredShare', 'Service fait / montant (%)', 'decimal', (c) => c.deliveredShare),
  column('paidShare', 'Payé / service fait (%)', 'decimal', (c) => c.paidShare),
  column('status', 'Statut', 'text', (c) => c.status),
  column('closedOn', 'Clos le', 'date', (c) => c.closedOn),
  column('released', 'Libéré à la clôture (€ HT)', 'decimal', (c) => c.released),
  column('lastCertifiedOn', 'Dernier service fait', 'date', (c) => c.lastCertifiedOn),
  column('lastPaidOn', 'Dernier paiement', 'date', (c) => c.lastPaidOn),
]

type ModificationRow = ModificationView & { readonly contractId: string }

const modificationColumns: CsvColumn<ModificationRow>[] = [
  column('contractId', 'Marché', 'text', (m) => m.contractId),
  column('modificationId', 'Modification', 'text', (m) => m.modificationId),
  column('legalBasis', 'Fondement', 'text', (m) => m.legalBasis),
  column('notifiedOn', 'Notifiée le', 'date', (m) => m.notifiedOn),
  column('delta', 'Variation (€ HT)', 'decimal', (m) => m.delta),
  column('newAmount', 'Nouveau montant (€ HT)', 'decimal', (m) => m.newAmount),
  column('newHolderId', 'Nouveau titulaire (SIRET)', 'text', (m) => m.newHolderId),
  column('reason', 'Motif', 'text', (m) => m.reason),
]

const productColumns: CsvColumn<ProductView>[] = [
  column('beneficiaryId', 'Bénéficiaire (SIRET)', 'text', (p) => p.beneficiaryId),
  column('product', 'Produit', 'text', (p) => p.product),
  column('phase', 'Phase', 'text', (p) => p.phase),
  column('contracts', 'Marchés', 'integer', (p) => p.contracts),
  column('cost', 'Coût, service fait (€ HT)', 'decimal', (p) => p.cost),
  column('unphasedCost', 'Coût avant la première phase (€ HT)', 'decimal', (p) => p.unphasedCost),
  ...PHASES.map((phase) =>
    column<ProductView>(
      `cost.${phase}`,
      `Coût en phase ${PHASE_LABELS[phase].toLowerCase()} (€ HT)`,
      'decimal',
      (p) => p.costByPhase[phase] ?? null,
    ),
  ),
]

type ImpactRow = IndicatorChangeView & {
  readonly product: ProductView
  readonly period: ImpactPeriodView
}

const impactColumns: CsvColumn<ImpactRow>[] = [
  column('beneficiaryId', 'Bénéficiaire (SIRET)', 'text', (i) => i.product.beneficiaryId),
  column('product', 'Produit', 'text', (i) => i.product.product),
  column('from', 'Mesure précédente', 'date', (i) => i.period.from),
  column('to', 'Mesure', 'date', (i) => i.period.to),
  column('cost', 'Coût de la période (€ HT)', 'decimal', (i) => i.period.cost),
  column('indicator', 'Indicateur', 'text', (i) => i.name),
  column('unit', 'Unité', 'text', (i) => i.unit),
  column('fromValue', 'Valeur précédente', 'decimal', (i) => i.from),
  column('toValue', 'Valeur', 'decimal', (i) => i.to),
  column('change', 'Variation', 'decimal', (i) => i.change),
  column('costPerUnit', 'Coût par unité (€ HT)', 'decimal', (i) => i.costPerUnit),
]

const alertColumns: CsvColumn<AlertView>[] = [
  column('on', 'Date', 'date', (a) => a.on),
  column('kind', 'Nature', 'text', (a) => a.kind),
  column('scope', 'Seuil de', 'text', (a) => a.scope),
  column('percent', 'Seuil (%)', 'integer', (a) => a.percent),
  column('beneficiaryId', 'Bénéficiaire (SIRET)', 'text', (a) => a.beneficiaryId),
  column('reference', 'Montant de référence (€ HT)', 'decimal', (a) => a.reference),
  column('committed', 'Engagé à cette date (€ HT)', 'decimal', (a) => a.committed),
  column('contractId', 'Marché', 'text', (a) => a.contractId),
  column('position', 'Position dans le journal', 'integer', (a) => a.position),
]

type DelayRow = DelayFigures & { readonly id: string | null }

const delayColumns: CsvColumn<DelayRow>[] = [
  column('id', 'Bénéficiaire (SIRET, vide : ensemble)', 'text', (d) => d.id),
  column('payments', 'Paiements sur facture', 'integer', (d) => d.payments),
  column('onTime', 'Payés sous 30 jours', 'integer', (d) => d.onTime),
  column('onTimeShare', 'Part sous 30 jours (%)', 'decimal', (d) => d.onTimeShare),
  column(
    'onTimeAmountShare',
    'Part du montant sous 30 jours (%)',
    'decimal',
    (d) => d.onTimeAmountShare,
  ),
  column('averageDays', 'Délai moyen (jours)', 'decimal', (d) => d.averageDays),
  column('maxDays', 'Délai maximal (jours)', 'integer', (d) => d.maxDays),
  column('upTo30Days', '0 à 30 jours', 'integer', (d) => d.upTo30Days),
  column('upTo60Days', '31 à 60 jours', 'integer', (d) => d.upTo60Days),
  column('upTo90Days', '61 à 90 jours', 'integer', (d) => d.upTo90Days),
  column('over90Days', 'Plus de 90 jours', 'integer', (d) => d.over90Days),
  column(
    'paymentsWithoutInvoice',
    'Paiements sans facture liée',
    'integer',
    (d) => d.paymentsWithoutInvoice,
  ),
  column('latePayments', 'Paiements en retard', 'integer', (d) => d.latePayments),
  column('interest', 'Intérêts moratoires (€)', 'decimal', (d) => d.interest),
  column('lumpSums', 'Indemnités forfaitaires (€)', 'decimal', (d) => d.lumpSums),
  column('interestDue', 'Total dû pour retard (€)', 'decimal', (d) => d.interestDue),
]

interface ForecastRow {
  readonly scenario: string | null
  readonly factor: string
  readonly monthlyGrowthPercent: string
  readonly target: 'estimate' | 'maximum'
  readonly forecast: TargetForecastView
}

function forecastColumns(data: ReportData): CsvColumn<ForecastRow>[] {
  const burn = data.forecast?.burn ?? null
  return [
    column('scenario', 'Scénario (vide : tendance)', 'text', (r) => r.scenario),
    column('factor', 'Facteur', 'decimal', (r) => r.factor),
    column(
      'monthlyGrowthPercent',
      'Croissance mensuelle (%)',
      'decimal',
      (r) => r.monthlyGrowthPercent,
    ),
    column('target', 'Cible', 'text', (r) => r.target),
    column('amount', 'Montant cible (€ HT)', 'decimal', (r) => r.forecast.target),
    column('remaining', 'Reste à engager (€ HT)', 'decimal', (r) => r.forecast.remaining),
    column('reachedOn', 'Atteint le', 'date', (r) => r.forecast.reachedOn),
    column('earliest', 'Au plus tôt', 'date', (r) => r.forecast.earliest),
    column('central', 'Date centrale', 'date', (r) => r.forecast.central),
    column('latest', 'Au plus tard', 'date', (r) => r.forecast.latest),
    column(
      'centralWithinValidity',
      'Avant la fin de l’accord-cadre',
      'boolean',
      (r) => r.forecast.centralWithinValidity,
    ),
    column(
      'burnLowPerMonth',
      'Rythme bas (€ HT / mois)',
      'decimal',
      () => burn?.low.perMonth ?? null,
    ),
    column(
      'burnCentralPerMonth',
      'Rythme central (€ HT / mois)',
      'decimal',
      () => burn?.central.perMonth ?? null,
    ),
    column(
      'burnHighPerMonth',
      'Rythme haut (€ HT / mois)',
      'decimal',
      () => burn?.high.perMonth ?? null,
    ),
  ]
}

function forecastRows(data: ReportData): ForecastRow[] {
  const forecast = data.forecast
  if (forecast === null) return []
  const trend = { scenario: null, factor: '1', monthlyGrowthPercent: '0' }
  return [
    { ...trend, target: 'estimate', forecast: forecast.estimate },
    { ...trend, target: 'maximum', forecast: forecast.maximum },
    ...forecast.scenarios.flatMap((s): ForecastRow[] => {
      const scenario = {
        scenario: s.name,
        factor: s.factor,
        monthlyGrowthPercent: s.monthlyGrowthPercent,
      }
      return [
        { ...scenario, target: 'estimate', forecast: s.estimate },
        { ...scenario, target: 'maximum', forecast: s.maximum },
      ]
    }),
  ]
}

/** The CSV files of a report, in the order of the report's sections. */
export function csvFiles(data: ReportData): readonly CsvFile[] {
  const { beneficiaries: delays, frameworkId: _framework, ...allDelays } = data.paymentDelays
  return [
    file('overview.csv', overviewColumns, [data]),
    file('beneficiaries.csv', beneficiaryColumns, data.beneficiaries),
    file('holders.csv', holderColumns, data.holders.holders),
    file('budget-years.csv', budgetYearColumns, data.budgetYears),
    file('months.csv', monthColumns, data.months),
    file('contracts.csv', contractColumns, data.contracts.contracts),
    file(
      'contract-modifications.csv',
      modificationColumns,
      data.contracts.contracts.flatMap((c) =>
        c.modifications.map((m) => ({ contractId: c.contractId, ...m })),
      ),
    ),
    file('products.csv', productColumns, data.products),
    file(
      'product-impact.csv',
      impactColumns,
      data.products.flatMap((product) =>
        product.impact.flatMap((period) =>
          period.indicators.map((indicator) => ({ ...indicator, product, period })),
        ),
      ),
    ),
    file('alerts.csv', alertColumns, data.alerts),
    file('payment-delays.csv', delayColumns, [
      { id: null, ...allDelays },
      ...delays.map(({ beneficiaryId, ...figures }) => ({ id: beneficiaryId, ...figures })),
    ]),
    file('forecast.csv', forecastColumns(data), forecastRows(data)),
  ]
}
