title: Council Plan 2024-2028: Our Commitments
noise (page header, on every page): Borough Council – Council Plan 2024-2028
heading 1: Council Plan 2024-2028: Our Commitments
para: This plan sets out what the council will do over the next four years. It was agreed by Full Council in February after consultation with residents, businesses and partners.
heading 2: Housing
para: We will build 400 new council homes over the next four years, most of them on land the council already owns. The first 90 will be finished by the end of 2025, on three sites close to the town centre.
para: Tenants told us that repairs take too long. We will bring the repairs service back in house, answer every emergency repair within four hours and publish how quickly we fix things every month.
para: We will work with private landlords to improve the worst rented homes, using the licensing scheme in the two wards where problems are most common.
heading 2: Transport
para: Buses are the way most residents without a car reach work and hospital appointments. We will protect the supported routes and ask the combined authority for a new evening service to the hospital.
para: We will mend 2,000 potholes a year and resurface the ten worst roads, chosen with residents at the area forums.
heading 2: Environment
para: The council declared a climate emergency in 2019. We will cut the carbon from our own buildings and vehicles by half by 2030, starting with the leisure centres, which use more energy than anything else we own.
para: Recycling has stayed at 44 per cent for three years. We will collect food waste from every home from April 2025 and expect this to lift recycling above 50 per cent.
heading 2: Our finances
para: The plan has been costed against the medium term financial strategy. Where an action depends on money from government, we say so, and we will report to Cabinet if that money does not come.
para: Progress on every commitment will be reported to the Overview and Scrutiny Committee twice a year, with the figures published on the council's website.
para: We will build 400 new council homes over the next four years, most of them on land the council already owns. The first 90 will be finished by the end of 2025, on three sites close to the town centre.
para: Tenants told us that repairs take too long. We will bring the repairs service back in house, answer every emergency repair within four hours and publish how quickly we fix things every month.
para: We will work with private landlords to improve the worst rented homes, using the licensing scheme in the two wards where problems are most common.
heading 2: Transport
para: Buses are the way most residents without a car reach work and hospital appointments. We will protect the supported routes and ask the combined authority for a new evening service to the hospital.
para: We will mend 2,000 potholes a year and resurface the ten worst roads, chosen with residents at the area forums.
para: The council declared a climate emergency in 2019. We will cut the carbon from our own buildings and vehicles by half by 2030, starting with the leisure centres, which use more energy than anything else we own.
para: Recycling has stayed at 44 per cent for three years. We will collect food waste from every home from April 2025 and expect this to lift recycling above 50 per cent.
heading 2: Our finances
para: The plan has been costed against the medium term financial strategy. Where an action depends on money from government, we say so, and we will report to Cabinet if that money does not come.
noise (page number): Page 1 of 2
noise (page header, on every page): Borough Council – Council Plan 2024-2028
para: Progress on every commitment will be reported to the Overview and Scrutiny Committee twice a year, with the figures published on the council's website.
para: The full list of measures behind each commitment is published with the plan.
noise (page number): Page 2 of 2
