// Text taken VERBATIM from the five seed documents (/work/shared/seeds, committee pages of
// Stockport MBC and West Sussex CC). Extracted mechanically: only list markers ("- 1.1", "a)",
// "·"), the markdown angle brackets around URLs and non-breaking spaces were removed.
// Do not edit these strings to "fix" them: typos such as "draft 2020/21 agreements" and
// "milage" are the councils' own.

/** Seed 001: the Mid-Year 2021/22 PPRR cover report (header block, sections 1.1–1.7, recommendations a)–e)). */
export const midYearReport = {
  reportTo: 'CHILDREN AND FAMILIES SCRUTINY COMMITTEE',
  date: '24 NOVEMBER 2021',
  reportOf: ["DIRECTOR OF CHILDREN'S SERVICES", 'DIRECTOR OF EDUCATION'],
  title: 'PORTFOLIO PERFORMANCE AND RESOURCES – MID-YEAR REPORT 2021/22',
  introductionHeading: 'Introduction and Background',
  introduction: [
    'The Mid-Year Portfolio Performance and Resource Report (PPRR) for the Children, Family Services and Education Portfolio is presented for consideration by the Committee.',
    'This provides a summary of progress in delivering the portfolio priorities, reform programmes and other key projects in the first half of the year, with a particular focus on the second quarter (July to September). It includes forecast performance and financial data (where this is available) for the Portfolio, along with an update on the portfolio savings programme.',
    'The Portfolio Report is based on the 2021/22 Portfolio Performance and Resource Agreement (PPRA), which was considered by the Committee on 16 June and approved by Cabinet on 29 June 2021. A Financial Update Report covering the period to the end of July was considered by CRMG Scrutiny and Cabinet in September.',
    'The Mid-Year Report focuses on highlights and exceptions with links to supporting documents, including the Portfolio Agreement. It also updates on delivery of partnership priorities set out in the new ONE Stockport Borough Plan.',
    'The Portfolio Performance Dashboard has been updated and can be accessed via the hyperlink within the report. This provides access to the latest data, including detailed trend, comparative analysis (where available) and commentary for all portfolio performance measures.',
    'In order to ensure the timeliness of these reports, they are considered by Scrutiny Committees ahead of the Corporate Report (CPRR) being submitted to the Cabinet Meeting. This will also allow any significant changes or issues raised to be fed back alongside the Corporate Report at the Cabinet Meeting on 7 December.',
    'Members are asked where possible to direct any detailed questions or requests for further information in advance of the meeting via the respective Democratic Services Manager to enable the timely provision of additional information.',
  ],
  recommendationsLead: 'Scrutiny Committee is asked to:',
  recommendations: [
    'Consider the Mid-Year Portfolio Performance and Resource Report;',
    'Review the progress against delivering key projects, priority outcomes, targets and budgets for 2021/22;',
    'Highlight key areas of and responsibility for taking forward corrective action to address any performance or resource issues;',
    'Highlight any significant issues or changes to be fed back to the Cabinet alongside the Corporate Performance and Resource Report;',
    'Identify how areas of strong performance and good practice can be shared in other services.',
  ],
  furtherInformation: [
    'Previous quarterly Performance and Resource Reports - available at; http://democracy.stockport.gov.uk/ieDocHome.aspx?bcr=1',
    'Other Portfolio Performance and Resource Reports for this quarter – published with Scrutiny Agendas (via above link);',
    'Portfolio Performance and Resource Agreements for 2021/22 – approved by Cabinet on 29 June 2021 are available at; http://democracy.stockport.gov.uk/mgAi.aspx?ID=66658#mgDocuments',
    'Council Plan 2021/22 and Medium-Term Financial Plan - approved by Council Meeting 25 Feb 2021. Available at; http://democracy.stockport.gov.uk/ieListDocuments.aspx?CId=140&MId=27096',
    'ONE Stockport Borough Plan available at; https://www.onestockport.co.uk/the-stockport-borough-plan/',
  ],
} as const;

/** Seed 000: Stockport item 5, the Q3 2021/22 update, and its minutes. */
export const q3Item = {
  number: '5',
  title: 'Portfolio Performance and Resources - Q3 2021/22 Update Report',
  summary:
    'To consider a joint report of the Director of Children’s Services and Director of Education.',
  summaryParagraphs: [
    'The Third Quarter Update Portfolio Performance and Resource Reports (PPRRs) for the Children, Family Services and Education Portfolio is presented for consideration by the Committee.',
    'This provides a summary of progress in delivering the Portfolio priority outcomes since the mid-year reports. In the case of the budget and capital updates, these cover the period since the Q2+ report considered by CRMG Scrutiny in January and Cabinet on 1st February.',
    'The Third Quarter Update Reports focus on the Portfolio performance measures which are reported where new data or forecasts are available since the Mid-Year Reports.',
  ],
  recommendationsLead: 'The Scrutiny Committee is recommended to:-',
  recommendations: [
    'Consider the Third Quarter Update Portfolio Performance and Resource Reports;',
    'Review the progress against key measures, targets and budgets for 2021/22;',
    'Highlight key areas of and responsibility for taking forward corrective action to address any performance or resource issues;',
    'Highlight any significant issues or changes to be fed back to the Cabinet alongside the Corporate Performance and Resource Report;',
    'Identify how areas of strong performance and good practice can be shared in other services.',
  ],
  minuteParagraphs: [
    'The Director of Children’s Services and Director of Education submitted a joint report (copies of which had been circulated) providing the third quarter update Portfolio Performance and Resource Reports for the Children, Family Services and Education Portfolio. These provide a summary of progress in delivering the Portfolio priority outcomes since the mid-year reports.',
    'The Cabinet Member for Children, Family Services and Education attended the meeting to respond to questions from the Scrutiny Committee.',
    'The following comments were made/ issues raised:-',
  ],
  minuteGroups: [
    {
      heading: 'Part One - Portfolio Overview',
      bullets: [
        'Clarification was sought regarding the market authority being investigated especially with the number of Children Looked After growing year on year. In response, it was noted that the investigation was due to be completed in the summer together with another activity as part of the Greater Manchester partnership regarding sufficiency of places for children in care.',
        'Members congratulated Stockport MOSAIC service for receiving an overall rating of ‘Good’ by the CQC following an inspection in mid-December.',
      ],
    },
    {
      heading: 'Priority Two',
      bullets: [
        'Regarding CFSE.28 – Percentage of young people in academic Years 12 and 13 (16-18) in Apprenticeships it was noted that the numbers were again low due to Covid.',
      ],
    },
    {
      heading: 'Priority Three',
      bullets: [
        'Regarding CFSE.65 – Early Help Assessment conversion rate (within 30 days), it was noted that the target had not been met for the last 5 years but the Committee welcomed the review.',
      ],
    },
    {
      heading: 'Part Two – Financial Resources and Monitoring',
      bullets: [
        'Clarification was sought regarding associated costs relating to the Youth Offending Service. In response, it was stated that the Local Authority was not in control of the process and system, it was the responsibility of the judiciary system that sets the rate nationally and until the young people are sentenced the Local Authority has to pay the costs while the young people are in remand.',
      ],
    },
  ],
  resolution: 'That the report be noted.',
} as const;

/** Seed 002: Stockport 16 June 2021, item 6, the draft Portfolio Agreement 2021/22, and its minutes. */
export const juneItem = {
  number: '6',
  title: 'Portfolio Performance and Resources - Draft Portfolio Agreement 2021/22',
  summary:
    'To consider a joint report of the Corporate Director (Place) & Deputy Chief Executive and Corporate Director (Corporate & Support Services) & Deputy Chief Executive.',
  summaryParagraphs: [
    'Policy priorities for 2021/22 were set out within the Council Plan, which was adopted at the Budget Council Meeting in February. This incorporates the shared outcomes from the Borough Plan alongside specific priorities of the Cabinet.',
    'These priorities, re-shaped to take account of One Stockport and Building Back Better (building on Covid19), are articulated within the Portfolio Agreements, which form the basis for regular in-year reporting. Portfolio and Corporate Performance and Resource Reports (PPRRs and CPRRs) will assess progress against key objectives, priorities, outcomes and budgets, enabling Scrutiny Committees to hold the Cabinet to account and for the Cabinet to identify current and future risks to delivery.',
    'This report presents the draft 2021/22 Agreements for the Citizen Focus and Engagement and Resources, Commissioning and Governance Portfolios for consideration and comment by the Committee.',
  ],
  recommendation:
    'The Scrutiny Committee is recommended to review and comment on the draft Portfolio Agreements.',
  reportOf: [
    'Corporate Director (Place) & Deputy Chief Executive',
    'Corporate Director (Corporate & Support Services) & Deputy Chief Executive',
  ],
  minuteParagraphs: [
    'The Corporate Director (Place) & Deputy Chief Executive and Corporate Director (Corporate & Support Services) & Deputy Chief Executive submitted a report (copies of which had been circulated) detailing the draft 2020/21 agreements for the Citizen Focus and Engagement and Resources, Commissioning and Governance portfolios for consideration by the Scrutiny Committee.',
    'The agreements articulated the policy priorities for 2021/22 that were set out within the adopted Council Plan , incorporating the shared outcomes from the Borough Plan alongside specific priorities of the Cabinet. These priorities, re-shaped to take account of One Stockport and Building Back Better (building on Covid19), are articulated within the Portfolio Agreements, which form the basis for regular in-year reporting.',
    'The Cabinet Member for Children, Family Services & Education (Councillor Colin Foster) attended the meeting to respond to questions from the Scrutiny Committee.',
    'The following comments were made/issues raised: -',
  ],
  minuteBullets: [
    'Clarification was sought regarding ‘Earmarked Reserves’ and the ‘Balance of Reserve’ figure of £794,000 for SEND – Written Statement of Action. In response, it was stated that this amount was drawn down to respond to the actions following the CQC Inspection and the SEND area inspection. It was to do the strategic work e.g. the formation of the single point of access for wellbeing and the work undertaken to establish it in April 2021.',
    'Clarification was also sought regarding ‘Performance Measures and Targets’ – CFSE11 and how it compared to regional and national targets and how attainable was the 78.8%. In response, it was stated that three secondary schools which had been inspected in September 2019 and were categorised as being ‘Inadequate’ under the new Ofsted regime. However, since March 2020 there have been no other inspections due to the pandemic and the inspections being frozen. It was also stated that the figures and percentage was a reflection of two or three schools improving that would affect the overall target. There would also have been some incremental changes had the Ofsted regime continued. It was also noted that the comparative information would be provided to the Committee.',
    'Clarification was sought regarding ‘Performance Measures and Targets’ – CFSE12(ii) and what the reasons were for the reduction. In response, it was noted that a written response would be provided to the Committee.',
  ],
  resolution: 'That the report be noted.',
} as const;

/** Seed 004: West Sussex minute 33, "Performance and Resources Report - Quarter 2", paragraphs 33.1–33.6. */
export const westSussexMinute33 = {
  itemTitle: 'Performance and Resources Report - Quarter 2',
  summary:
    'A report by the Director of Finance and Support Services, setting out the finance and performance position as at the end of September 2021.',
  ask: 'The Committee are asked to examine the end of September 2021 (Quarter 2) quarterly performance and resources report which sets out the Council’s corporate performance, finance, savings delivery and business performance for the services within the remit of this Committee.',
  paragraphs: {
    '33.1':
      'The Committee examined the Performance and Resources report (PRR), which set out the Council’s corporate performance, finance and savings delivery and business performance for the services within the remit of this Committee from July to end of September 2021.',
    '33.2':
      'The Cabinet Member for Children and Young People, Cllr Russell, introduced the item reporting that the financial position was improved from quarter one. There were still some costly external placement fees to work on and there had been an increase in interest in foster service applications.',
    '33.3':
      'Members of the Committee asked questions and a summary of those questions and answers follows:',
    '33.4':
      'The Cabinet Member for Learning and Skills, Cllr Nigel Jupp, introduced the item for Learning and Skills and highlighted that the quarter two from July to September had very little time when the schools were fully functioning due to the school holidays.',
    '33.5':
      'Members of the Committee asked questions and a summary of those questions and answers follows:',
  },
  headings: {
    beforeChildrenAndYoungPeople: 'Children and Young People',
    beforeLearningAndSkills: 'Learning and Skills',
  },
  bullets33_3: [
    {
      topic: 'Rereferrals',
      point:
        'The table on page 43 showed an increase in rereferrals to Children’s Social Care within 12 months compared to the quarter one report.  It was advised that this had been caused by a reporting error which had been addressed.  The correct rate was slightly above average at 23%, which was in line with other local authorities and the English average.',
    },
    {
      topic: 'Contacts',
      point:
        'A piece of work had been undertaken on contact enquiries which had showed re-contact rates were very low.',
    },
    {
      topic: 'Stability of children looked after placements',
      point:
        'The Assistant Director – Corporate Parenting reported that this was at the forefront for the service now.  The County Council has two outstanding rated homes specialising in higher complexity or need, and a third reopening shortly.  The service had seen some external placements returning to in-county provision.  Work was ongoing with providers and also looking into whether appropriate foster placements could be used.',
    },
    {
      topic: 'Staffing vacancies',
      point:
        'There was no financial target to have less staff and it was intended that the staffing budget would be fully spent.  The Covid pandemic had been a challenge in trying to achieve a full complement of permanent staff.  This had meant agency staff had still been employed, however some had transferred from agencies into permanent positions.  Additionally, internal training meant the County Council were growing our own professionals.  Action: The Cabinet Member for Children and Young People agreed to give members a briefing report on “growing our own” work.',
    },
  ],
  bullets33_5: [
    {
      topic: 'Transport of Children with an Education, Health and Care Plan (EHCP)',
      point:
        'Parents of children with EHCPs are made aware of the parental mileage rate offer and encouraged to transport their children to special schools and claim the mileage.  The numbers doing so have doubled since 2020.  Committee members were reassured that parents were also made aware of the scheme through social care teams and the EHCP process.',
    },
    {
      topic: 'Dedicated Schools Grant',
      point:
        'The County Council is planning to manage the risk in part by increasing the number of places in special support centres in mainstream schools and increasing the number of places in special schools.',
    },
    {
      topic: 'Queen Elizabeth II Jubilee School',
      point:
        'The project had been delayed due to the original contractor withdrawing.  The retendering process had led to higher costs due to the increase in the price of building materials due to the pandemic.  This had delayed the construction project.',
    },
    {
      topic: 'EHCP Secondary School pilot',
      point:
        'The project started in the summer 2021 and focussed on individual year 6 primary school pupils with EHCPs to help children to transition into a mainstream secondary school.  Once settled the existing secondary school provision would support pupils.  Similarly, there was a scheme for pupils aged 16 years and over helping with transition from secondary school into further provision eg colleges.',
    },
    {
      topic: 'Staffing Vacancies',
      point:
        'Funding is made available to schools for school crossing patrols but often schools don’t take that up.  Some vacancies have not been recruited to because the Education and Skills directorate is undertaking a redesign.  With the direct Government reducing grant for central block activities, which the County Council uses to support statutory responsibilities, savings must be made.',
    },
  ],
  resolutionLead: 'That the Committee:',
  resolutionPoints: [
    'Welcomes the format and information contained in the PRR and agreed it was a useful tool to carry out scrutiny of the Council’s Performance and Financial Position.',
    'Welcomes the services focus and ambition around Performance Measure 1 (Percentage of re-referrals to Children’s Social Care within 12 months of the previous referral) recognising it is an important indicator to measure the quality of service provided to children and young people.',
    'Would like to see how the option for parents to claim milage to provide home to school transport for their children could be further promoted and agreed to explore with the service how Members can assist to promote this to parents.',
    'Thanks those working together to help address the financial pressures and risks in the Learning and Skills Portfolio, which are primarily due to the increase in EHCPs, and supports the work being taken forward to increase capacity of WSCC SEND placements. The Committee welcomes that the Special Support Centres are being progressed as a priority as part of this.',
  ],
} as const;
